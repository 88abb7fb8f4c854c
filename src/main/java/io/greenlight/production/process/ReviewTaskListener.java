package io.greenlight.production.process;

import java.util.List;
import java.util.Locale;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.approval.ReviewStage;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.production.ProductionNotifier;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review tasks of {@code StakeholderReviewProcess} ({@code UserTask_ReviewAsset},
 * {@code UserTask_ReviewAssetInTurn}).
 * <p>
 * On create: gives the form the facts about the version (see {@link ReviewTaskFacts}) and
 * queues "review requested" for the assignee. ({@code decision} and
 * {@code decisionComment} are input parameters of the task in the BPMN, so each
 * reviewer's answer stays local to their own activity instance and parallel reviewers
 * never overwrite each other.)
 * <p>
 * On complete: records the decision against the version, in the transaction that
 * completes the task, and queues "decision made" for the producers and the creative.
 * <p>
 * Both act on the stage on record for the task's process instance, not on ids in the
 * task's variables, and a decision is recorded only when the task, its version and the
 * person deciding belong together ({@link ReviewTaskCheck}).
 */
@CallableFromProcesses
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	private final ApprovalService approvals;

	private final ProductionNotifier notifier;

	private final ReviewTaskCheck check;

	private final ReviewTaskFacts facts;

	ReviewTaskListener(ApprovalService approvals, ProductionNotifier notifier, ReviewTaskCheck check,
			ReviewTaskFacts facts) {
		this.approvals = approvals;
		this.notifier = notifier;
		this.check = check;
		this.facts = facts;
	}

	@Override
	public void notify(DelegateTask task) {
		ReviewStage stage = this.check.stageOf(task);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.facts.fill(task, stage.versionId());
			this.notifier.reviewRequested(task.getId(), task.getName(), List.of(task.getAssignee()), stage.assetId(),
					stage.versionId());
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			String reviewer = this.check.decider(task);
			ReviewDecision decision = decision(task);
			this.approvals.recordReview(stage.id(), decision, (String) task.getVariable(Var.DECISION_COMMENT), reviewer,
					task.getId());
			this.notifier.decisionMade(task.getId(), reviewer, decision, stage.assetId(), stage.versionId());
		}
	}

	private static ReviewDecision decision(DelegateTask task) {
		Object value = task.getVariable(Var.DECISION);
		if (value == null) {
			throw new InvalidRequestException("Choose a decision: one of " + List.of(ReviewDecision.values()) + ".");
		}
		try {
			return ReviewDecision.valueOf(value.toString().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Unknown decision '" + value + "': use one of " + List.of(ReviewDecision.values()) + ".");
		}
	}

}
