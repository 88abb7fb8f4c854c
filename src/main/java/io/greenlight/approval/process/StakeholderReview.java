package io.greenlight.approval.process;

import java.util.List;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.StageOutcome;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the review tasks of {@code StakeholderReviewProcess} ask while they run: who
 * reviews ({@code ${stakeholderReview.reviewers(execution)}}, the multi-instance
 * collection) and whether the stage is settled
 * ({@code ${stakeholderReview.isSettled(execution)}}, its completion condition, which
 * withdraws the reviews still open).
 */
@CallableFromProcesses
@Component("stakeholderReview")
public class StakeholderReview {

	private final ApprovalService approvals;

	StakeholderReview(ApprovalService approvals) {
		this.approvals = approvals;
	}

	/** The stage's reviewers: each gets a review task. */
	public List<String> reviewers(DelegateExecution execution) {
		return StageVariables.of(execution).reviewers();
	}

	/** Whether the stage falls back to a backup group when overdue. */
	public boolean hasBackupGroup(DelegateExecution execution) {
		return StageVariables.of(execution).backupGroup() != null;
	}

	/** Whether no further decision could change the stage's outcome. */
	public boolean isSettled(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		return StageOutcome.isSettled(variables.rule(), this.approvals.votes(variables.versionId(), variables.stage()),
				variables.reviewers().size());
	}

}
