package io.greenlight.asset;

import io.greenlight.project.ProjectRepository;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see an asset: members of its project, and creative-ops. Everyone else gets 404,
 * as if the asset did not exist, so nobody can probe for other clients' work.
 */
@Component
public class AssetAccess {

	private final AssetService assets;

	private final ProjectRepository projects;

	AssetAccess(AssetService assets, ProjectRepository projects) {
		this.assets = assets;
		this.projects = projects;
	}

	/**
	 * The asset, if the signed-in user may see it, named by its id or its reference.
	 * Callers go on with the returned asset's id, never with what they were given.
	 */
	public Asset visibleAsset(String assetId) {
		CurrentUser user = currentUser();
		Asset asset = this.assets.findByIdOrReference(assetId).orElseThrow(() -> notFound(assetId));
		if (!user.seesAllProjects() && !this.projects.isMember(asset.projectId(), user.id())) {
			throw notFound(assetId);
		}
		return asset;
	}

	/** The version, if the signed-in user may see its asset. */
	public AssetVersion visibleVersion(String versionId) {
		AssetVersion version = this.assets.findVersion(versionId)
			.orElseThrow(() -> new NotFoundException("No version " + versionId + " in your projects"));
		try {
			visibleAsset(version.assetId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("No version " + versionId + " in your projects");
		}
		return version;
	}

	private static CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return CurrentUser.of(authentication);
	}

	private static NotFoundException notFound(String assetId) {
		return new NotFoundException("No asset " + assetId + " in your projects");
	}

}
