package io.greenlight.production.process;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.asset.AssetService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SettleInternalReview}, {@code ServiceTask_SettleClientReview}:
 * computes the stage's outcome from the recorded decisions and hands it to the gateway as
 * {@code reviewOutcome}.
 */
@Component("settleReviewDelegate")
class SettleReviewDelegate implements JavaDelegate {

	private final ApprovalService approvals;

	private final AssetService assets;

	SettleReviewDelegate(ApprovalService approvals, AssetService assets) {
		this.approvals = approvals;
		this.assets = assets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		ReviewDecision outcome = this.approvals.settle(variables.assetVersionId(), variables.productionStage().name());
		if (outcome == ReviewDecision.CHANGES_REQUESTED) {
			this.assets.markChangesRequested(variables.assetId());
		}
		variables.reviewOutcome(outcome.name());
	}

}
