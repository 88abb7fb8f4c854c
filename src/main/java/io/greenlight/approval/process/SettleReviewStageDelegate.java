package io.greenlight.approval.process;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.Settlement;
import io.greenlight.approval.StageOutcome;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SettleStage}: applies the stage's rule to the recorded decisions.
 * Either the outcome is recorded and handed back as {@code reviewOutcome}, or the
 * feedback conflicts and a producer resolves it ({@code stageConflict}).
 */
@CallableFromProcesses
@Component("settleReviewStageDelegate")
class SettleReviewStageDelegate implements JavaDelegate {

	private final ApprovalService approvals;

	private final ReviewStageService stages;

	private final StageOutcomes outcomes;

	SettleReviewStageDelegate(ApprovalService approvals, ReviewStageService stages, StageOutcomes outcomes) {
		this.approvals = approvals;
		this.stages = stages;
		this.outcomes = outcomes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		Settlement settlement = StageOutcome.settle(variables.rule(),
				this.approvals.votes(execution.getProcessInstanceId()), variables.reviewers().size());
		variables.conflict(settlement.isConflict());
		if (!settlement.isConflict()) {
			this.stages.settle(execution.getProcessInstanceId(), settlement.outcome());
			this.outcomes.handBack(execution, settlement.outcome());
		}
	}

}
