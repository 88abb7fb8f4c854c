package io.greenlight.asset;

import java.util.List;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.project.ProjectRepository;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assets with their production status, version stack and approval record. A user who is
 * not a member of the asset's project gets 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/assets")
class AssetController {

	private final AssetService assets;

	private final ApprovalService approvals;

	private final ProjectRepository projects;

	AssetController(AssetService assets, ApprovalService approvals, ProjectRepository projects) {
		this.assets = assets;
		this.approvals = approvals;
		this.projects = projects;
	}

	@GetMapping
	List<Asset> list(Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.assets.visibleTo(user.id(), user.seesAllProjects());
	}

	@GetMapping("/{assetId}")
	AssetDetail get(@PathVariable String assetId, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		Asset asset;
		try {
			asset = this.assets.get(assetId);
		}
		catch (NotFoundException ex) {
			throw notFound(assetId);
		}
		if (!user.seesAllProjects() && !this.projects.isMember(asset.projectId(), user.id())) {
			throw notFound(assetId);
		}
		List<AssetVersion> versions = this.assets.versions(assetId);
		AssetVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
		return new AssetDetail(asset, latest, versions, this.approvals.decisionsFor(assetId));
	}

	private static NotFoundException notFound(String assetId) {
		return new NotFoundException("No asset " + assetId + " in your projects");
	}

	/**
	 * An asset as a producer reads it: which version is the latest, which is approved,
	 * and who decided what.
	 */
	record AssetDetail(Asset asset, AssetVersion latestVersion, List<AssetVersion> versions,
			List<DecisionRecord> decisions) {
	}

}
