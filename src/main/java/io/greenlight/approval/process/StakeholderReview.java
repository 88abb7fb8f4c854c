package io.greenlight.approval.process;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.StageOutcome;
import io.greenlight.approval.Vote;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
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

	/**
	 * Whether no further decision could change the stage's outcome, counting the
	 * decisions of the reviews the engine has finished as this transaction sees them.
	 */
	public boolean isSettled(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		Set<String> stillReviewing = stillReviewing(execution);
		List<Vote> votes = this.approvals.votes(execution.getProcessInstanceId())
			.stream()
			.filter(vote -> !stillReviewing.contains(vote.reviewer()))
			.toList();
		return StageOutcome.isSettled(variables.rule(), votes, variables.reviewers().size());
	}

	/**
	 * The reviewers of side-by-side reviews the engine has not finished yet, as this
	 * transaction read them. A decision of theirs may have been committed by another
	 * transaction since (the decision is recorded when the task completes, the review
	 * finishes in a job after it): counted now, it would end their review from a view of
	 * it that transaction has already changed, and this job would fail on it (a
	 * foreign-key error on PostgreSQL, an optimistic locking one on H2). Their review's
	 * own job counts it a moment later.
	 */
	private static Set<String> stillReviewing(DelegateExecution execution) {
		if (!(execution instanceof ExecutionEntity ended) || !ended.isConcurrent() || ended.getParent() == null) {
			return Set.of();
		}
		Set<String> reviewers = new HashSet<>();
		for (ExecutionEntity sibling : ended.getParent().getExecutions()) {
			// not finished by the engine: its task open (active, or inside a scope of its
			// own), or its task done and the job that finishes the review still to run
			boolean open = sibling != ended
					&& (sibling.isActive() || sibling.getActivity() == null || !sibling.getJobs().isEmpty());
			if (open && sibling.getVariableLocal(StakeholderReviewProcess.Var.REVIEWER) instanceof String reviewer) {
				reviewers.add(reviewer);
			}
		}
		return reviewers;
	}

}
