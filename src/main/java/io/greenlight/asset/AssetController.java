package io.greenlight.asset;

import java.util.Comparator;
import java.util.List;

import io.greenlight.asset.AssetFilter.AwaitingReview;
import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.Paging;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Assets with their production status, version stack and approval record. A user who is
 * not a member of the asset's project gets 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/assets")
class AssetController {

	private final AssetService assets;

	private final ApprovalService approvals;

	private final AssetAccess access;

	AssetController(AssetService assets, ApprovalService approvals, AssetAccess access) {
		this.assets = assets;
		this.approvals = approvals;
		this.access = access;
	}

	/**
	 * The assets of the user's projects (creative-ops: all), newest first, narrowed by
	 * project, status, stage or "awaiting my review", a page at a time.
	 */
	@GetMapping
	List<Asset> list(@RequestParam(required = false) String projectId,
			@RequestParam(required = false) AssetStatus status, @RequestParam(required = false) ProductionStage stage,
			@RequestParam(defaultValue = "false") boolean awaitingMyReview,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		return this.assets.find(new AssetFilter(user.seesAllProjects() ? null : user.id(), projectId, status, stage,
				awaitingMyReview ? new AwaitingReview(user.id()) : null, new Paging(page, size)));
	}

	@GetMapping("/{assetId}")
	AssetDetail get(@PathVariable String assetId) {
		Asset asset = this.access.visibleAsset(assetId);
		List<AssetVersion> versions = this.assets.versions(asset.id());
		AssetVersion approved = versions.stream()
			.filter(version -> version.id().equals(asset.approvedVersionId()))
			.findFirst()
			.orElse(null);
		AssetVersion latest = versions.stream().max(Comparator.comparingInt(AssetVersion::number)).orElse(null);
		return new AssetDetail(asset, latest, approved, this.assets.variants(asset.id()), versions,
				this.approvals.decisionsFor(asset.id()));
	}

	/**
	 * An asset as a producer reads it: which version is the latest (of any variant) and
	 * which is approved, the same two for each variant, the whole stack, and who decided
	 * what.
	 */
	record AssetDetail(Asset asset, AssetVersion latestVersion, AssetVersion approvedVersion,
			List<VariantStack> variants, List<AssetVersion> versions, List<DecisionRecord> decisions) {
	}

}
