package io.greenlight.production;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.approval.ReviewStage;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.system.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Feedback from a reviewer of a stage that has settled without them (ANY, PRIMARY, QUORUM
 * and SEQUENTIAL withdraw the reviews still open): kept, marked late, never counted, and
 * shown with the next version.
 */
@Component
class LateFeedback {

	private final ReviewStageService stages;

	private final ApprovalService approvals;

	LateFeedback(ReviewStageService stages, ApprovalService approvals) {
		this.stages = stages;
		this.approvals = approvals;
	}

	/**
	 * @return the settled stage the feedback was kept for; empty when the user was no
	 * reviewer of a settled stage of this version, or has decided in it already
	 */
	Optional<ReviewStage> keep(AssetVersion version, String userId, String decision, String comment) {
		Optional<ReviewStage> stage = settledWithout(version, userId);
		stage.ifPresent(settled -> this.approvals.recordLateFeedback(settled, parse(decision), comment, userId));
		return stage;
	}

	/**
	 * The settled stage of this version the user reviewed without deciding in it: where
	 * their decision would be kept as late feedback.
	 */
	Optional<ReviewStage> settledWithout(AssetVersion version, String userId) {
		return this.stages.settledStageReviewedBy(version.id(), userId)
			.filter(settled -> !this.approvals.hasDecided(settled.id(), userId));
	}

	private static ReviewDecision parse(String decision) {
		try {
			return ReviewDecision.valueOf(decision.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Unknown decision '" + decision + "': use one of " + List.of(ReviewDecision.values()) + ".");
		}
	}

}
