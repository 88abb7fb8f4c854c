package io.greenlight.approval.change;

import java.util.List;

import io.greenlight.system.ConcurrentChanges;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An asset's review stages and the changes made to them while they ran; a producer's
 * changes to a running stage's reviewers. Each change answers with the stage as it is
 * now; one that lost a race with a reviewer's decision is tried again on the new state.
 */
@RestController
class ReviewStageController {

	private final ReviewStageChangeService changes;

	ReviewStageController(ReviewStageChangeService changes) {
		this.changes = changes;
	}

	@GetMapping("/api/assets/{assetId}/review-stages")
	List<ReviewStageView> stages(@PathVariable String assetId) {
		return this.changes.stagesOf(assetId);
	}

	@GetMapping("/api/assets/{assetId}/review-changes")
	List<ReviewStageChange> changes(@PathVariable String assetId) {
		return this.changes.changesOf(assetId);
	}

	@PostMapping("/api/review-stages/{stageId}/reviewers")
	ReviewStageView add(@PathVariable String stageId, @RequestBody NewReviewer request) {
		return ConcurrentChanges.retry(() -> this.changes.addReviewer(stageId, request.userId(), request.reason()));
	}

	@DeleteMapping("/api/review-stages/{stageId}/reviewers/{userId}")
	ReviewStageView remove(@PathVariable String stageId, @PathVariable String userId,
			@RequestParam(required = false) String reason) {
		return ConcurrentChanges.retry(() -> this.changes.removeReviewer(stageId, userId, reason));
	}

	@PostMapping("/api/review-stages/{stageId}/reviewers/{userId}/delegate")
	ReviewStageView delegate(@PathVariable String stageId, @PathVariable String userId,
			@RequestBody Delegation request) {
		return ConcurrentChanges.retry(() -> this.changes.delegate(stageId, userId, request.to(), request.reason()));
	}

	/** Who joins the stage, and why. */
	record NewReviewer(String userId, String reason) {
	}

	/** Who takes the review over, and why. */
	record Delegation(String to, String reason) {
	}

}
