package io.greenlight.board;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.change.ReviewStageChangeService;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.board.AssetTimeline.Phase;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An asset's production as phases with their durations, for its page. */
@RestController
class AssetTimelineController {

	private final AssetAccess access;

	private final AssetService assets;

	private final ReviewStageChangeService stages;

	private final ApprovalService approvals;

	AssetTimelineController(AssetAccess access, AssetService assets, ReviewStageChangeService stages,
			ApprovalService approvals) {
		this.access = access;
		this.assets = assets;
		this.stages = stages;
		this.approvals = approvals;
	}

	@GetMapping("/api/assets/{assetId}/timeline")
	@Transactional(readOnly = true)
	List<Phase> timeline(@PathVariable String assetId) {
		Asset asset = this.access.visibleAsset(assetId);
		return AssetTimeline.of(asset, this.assets.versions(asset.id()), this.stages.stagesOf(asset.id()),
				this.approvals.decisionsFor(asset.id()), OffsetDateTime.now());
	}

}
