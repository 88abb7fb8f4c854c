package io.greenlight.production;

import java.util.List;
import java.util.Optional;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.ReviewStage;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetVersion;
import io.greenlight.system.ConcurrentChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/versions/{id}/decisions}: a reviewer's decision on exactly this
 * version; {@code GET /api/versions/{id}/late-feedback}: what reviewers said about
 * earlier versions after their stage had settled.
 */
@RestController
class ReviewDecisionController {

	private final ReviewDecisionService decisions;

	private final AssetAccess access;

	private final ApprovalService approvals;

	ReviewDecisionController(ReviewDecisionService decisions, AssetAccess access, ApprovalService approvals) {
		this.decisions = decisions;
		this.access = access;
		this.approvals = approvals;
	}

	/**
	 * 204 when the decision completed the user's review; 202 with {@code late: true} when
	 * their stage had settled without them, and the decision was kept as late feedback.
	 */
	@PostMapping("/api/versions/{versionId}/decisions")
	ResponseEntity<LateFeedbackKept> decide(@PathVariable String versionId, @Valid @RequestBody DecisionRequest request,
			Authentication authentication) {
		return decideSettlingRaces(versionId, authentication.getName(), request)
			.map(stage -> ResponseEntity.accepted()
				.body(new LateFeedbackKept(true, stage.stage(), stage.outcome(),
						"The " + stage.stage() + " stage of this version had already settled (" + stage.outcome()
								+ "): your feedback is kept as late feedback and shown with the next version.")))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	// A decision that lost a race was rolled back whole: under ANY, PRIMARY and QUORUM
	// the job settling a stage withdraws the open reviews, and the same decision sent
	// twice completes the task once. Asked again, the new state answers: the decision is
	// kept as late feedback, or the reviewer hears that it is on record.
	private Optional<ReviewStage> decideSettlingRaces(String versionId, String userId, DecisionRequest request) {
		return ConcurrentChanges
			.retry(() -> this.decisions.decide(versionId, userId, request.decision(), request.comment()));
	}

	/** Late feedback given on the versions before this one, oldest first. */
	@GetMapping("/api/versions/{versionId}/late-feedback")
	List<DecisionRecord> lateFeedback(@PathVariable String versionId) {
		AssetVersion version = this.access.visibleVersion(versionId);
		return this.approvals.lateFeedbackBefore(version.assetId(), version.number());
	}

	record LateFeedbackKept(boolean late, String stage, String stageOutcome, String detail) {
	}

	record DecisionRequest(@NotBlank String decision, @Size(max = 4000) String comment) {
	}

}
