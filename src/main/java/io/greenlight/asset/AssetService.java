package io.greenlight.asset;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.security.UserDirectory;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assets, their production record and their version stack. Called by the production
 * process's delegates inside the engine's transaction, and by the API.
 */
@Service
@Transactional
public class AssetService {

	private final AssetRepository assets;

	private final ProjectRepository projects;

	private final UserDirectory users;

	AssetService(AssetRepository assets, ProjectRepository projects, UserDirectory users) {
		this.assets = assets;
		this.projects = projects;
		this.users = users;
	}

	/**
	 * Records a new brief as an asset in the BRIEF stage. The project must be one of the
	 * requester's (any project for creative-ops) and have at least one creative or
	 * freelancer, one internal reviewer and one client reviewer, or nobody could make or
	 * approve the work.
	 * @return the new asset; its reference becomes the production's business key
	 */
	public Asset registerBrief(NewBrief brief, String requestedBy, String processInstanceId) {
		// another client's project answers as if it did not exist
		Project project = this.projects.findByCode(brief.projectCode())
			.filter(found -> this.projects.isMember(found.id(), requestedBy) || this.users.seesAllProjects(requestedBy))
			.orElseThrow(() -> new InvalidRequestException("No project with code '" + brief.projectCode()
					+ "' among your projects. Use the code your producer gave you, e.g. ACME-SUMMER."));
		requireTeam(project);
		OffsetDateTime now = OffsetDateTime.now();
		int number = this.assets.nextProjectNumber(project.id());
		Asset asset = new Asset(UUID.randomUUID().toString(), Asset.reference(project.code(), number), project.id(),
				brief.title(), brief.assetType(), brief.channel(), brief.dueDate(), brief.description(),
				ProductionStage.BRIEF, AssetStatus.BRIEF_SUBMITTED, 0, processInstanceId, requestedBy, null, now, now);
		this.assets.insert(asset, number);
		return asset;
	}

	private void requireTeam(Project project) {
		if (this.projects.members(project.id(), ProjectRole.REVIEWER).isEmpty()) {
			throw new InvalidRequestException("Project " + project.code()
					+ " has no internal reviewers yet: ask the producer to add at least one.");
		}
		if (this.projects.members(project.id(), ProjectRole.CREATIVE).isEmpty()
				&& this.projects.members(project.id(), ProjectRole.FREELANCER).isEmpty()) {
			throw new InvalidRequestException("Project " + project.code()
					+ " has no creatives or freelancers yet: ask the producer to add one to make the versions.");
		}
		if (this.projects.members(project.id(), ProjectRole.CLIENT_REVIEWER).isEmpty()) {
			throw new InvalidRequestException("Project " + project.code()
					+ " has no client reviewers yet: ask the producer to add at least one.");
		}
	}

	/**
	 * The production entered a stage. A revision keeps its "changes requested" status
	 * until the new version reaches review, so the producer sees why the creative is
	 * working on it.
	 */
	public void enterStage(String assetId, ProductionStage stage) {
		Asset asset = get(assetId);
		AssetStatus status = switch (stage) {
			case BRIEF -> AssetStatus.BRIEF_SUBMITTED;
			case PRODUCTION -> (asset.status() == AssetStatus.CHANGES_REQUESTED) ? AssetStatus.CHANGES_REQUESTED
					: AssetStatus.IN_PRODUCTION;
			case INTERNAL_REVIEW, CLIENT_REVIEW -> AssetStatus.IN_REVIEW;
			case DELIVERY -> asset.status();
		};
		this.assets.updateStageAndStatus(assetId, stage, status);
	}

	public void returnBrief(String assetId) {
		this.assets.updateStatus(get(assetId).id(), AssetStatus.BRIEF_RETURNED);
	}

	/** The producer stopped the production after too many revision rounds. */
	public void stop(String assetId) {
		this.assets.updateStatus(get(assetId).id(), AssetStatus.STOPPED);
	}

	public void markChangesRequested(String assetId) {
		this.assets.updateStatus(get(assetId).id(), AssetStatus.CHANGES_REQUESTED);
	}

	/**
	 * Adds the next version to the asset's stack; the previous one of the same variant is
	 * superseded. Versions registered at the same moment get distinct numbers.
	 */
	public AssetVersion registerVersion(String assetId, NewVersion newVersion, String uploadedBy) {
		this.assets.lock(assetId);
		Asset asset = get(assetId);
		int number = this.assets.maxVersionNumber(assetId) + 1;
		this.assets.supersedeCurrentVersions(assetId, newVersion.variant());
		VersionFile file = newVersion.file();
		AssetVersion version = new AssetVersion(UUID.randomUUID().toString(), assetId, number, newVersion.variant(),
				newVersion.note(), newVersion.fileLink(), (file != null) ? file.fileName() : null,
				(file != null) ? file.mediaType() : null, (file != null) ? file.size() : null,
				(file != null) ? file.sha256() : null, uploadedBy, OffsetDateTime.now(), VersionStatus.CURRENT, false,
				(file != null) ? file.durationMs() : null);
		this.assets.insertVersion(version);
		this.assets.updateRevisionRound(asset.id(), number - 1);
		return version;
	}

	/**
	 * Marks the version approved and locks it: it is the asset's approved version from
	 * now on.
	 */
	public void approveVersion(String assetId, String versionId) {
		if (this.assets.lockVersion(assetId, versionId) != 1) {
			throw new IllegalStateException("Version " + versionId + " does not belong to asset " + assetId);
		}
		this.assets.updateApproved(assetId, versionId);
	}

	public void deliver(String assetId) {
		this.assets.updateStageAndStatus(get(assetId).id(), ProductionStage.DELIVERY, AssetStatus.DELIVERED);
	}

	@Transactional(readOnly = true)
	public Asset get(String assetId) {
		return this.assets.findById(assetId).orElseThrow(() -> new NotFoundException("No asset with id " + assetId));
	}

	@Transactional(readOnly = true)
	public Optional<Asset> find(String assetId) {
		return this.assets.findById(assetId);
	}

	/**
	 * The asset by what a person or a link names it with: its reference
	 * (ACME-SUMMER-0042, as stored or in upper case, since people type it in any case and
	 * codes made through the API are upper case) or its id.
	 */
	@Transactional(readOnly = true)
	public Optional<Asset> findByIdOrReference(String idOrReference) {
		return this.assets.findById(idOrReference)
			.or(() -> this.assets.findByReference(idOrReference))
			.or(() -> this.assets.findByReference(idOrReference.toUpperCase(Locale.ROOT)));
	}

	@Transactional(readOnly = true)
	public Optional<AssetVersion> findVersion(String versionId) {
		return this.assets.findVersion(versionId);
	}

	@Transactional(readOnly = true)
	public AssetVersion version(String versionId) {
		return this.assets.findVersion(versionId)
			.orElseThrow(() -> new NotFoundException("No asset version with id " + versionId));
	}

	/**
	 * Which version is the latest: the newest of the variant (null: the main one).
	 */
	@Transactional(readOnly = true)
	public Optional<AssetVersion> latestVersion(String assetId, String variant) {
		return this.assets.findLatestVersion(assetId, variant);
	}

	/**
	 * Each variant's latest and approved version, the main one first, then by name.
	 */
	@Transactional(readOnly = true)
	public List<VariantStack> variants(String assetId) {
		Map<String, List<AssetVersion>> byVariant = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
		for (AssetVersion version : versions(assetId)) {
			byVariant.computeIfAbsent(version.variant(), variant -> new ArrayList<>()).add(version);
		}
		Comparator<AssetVersion> byNumber = Comparator.comparingInt(AssetVersion::number);
		return byVariant.entrySet()
			.stream()
			.map(stack -> new VariantStack(stack.getKey(), stack.getValue().stream().max(byNumber).orElseThrow(),
					stack.getValue()
						.stream()
						.filter(version -> version.status() == VersionStatus.APPROVED)
						.max(byNumber)
						.orElse(null)))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<AssetVersion> versions(String assetId) {
		return this.assets.findVersions(assetId);
	}

	/**
	 * The number the next version of this asset will get.
	 */
	@Transactional(readOnly = true)
	public int nextVersionNumber(String assetId) {
		return this.assets.maxVersionNumber(assetId) + 1;
	}

	@Transactional(readOnly = true)
	public List<Asset> find(AssetFilter filter) {
		return this.assets.find(filter);
	}

}
