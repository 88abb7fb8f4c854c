package io.greenlight.production.process;

import java.util.List;
import java.util.Locale;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.notification.NotificationEvent;
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
 * On create: queues "review requested" for the assignee. ({@code decision} and
 * {@code decisionComment} are input parameters of the task in the BPMN, so each
 * reviewer's answer stays local to their own activity instance and parallel reviewers
 * never overwrite each other.)
 * <p>
 * On complete: records the decision against the version, in the transaction that
 * completes the task.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	private final ApprovalService approvals;

	private final ProductionNotifier notifier;

	private final EngineActor actor;

	ReviewTaskListener(ApprovalService approvals, ProductionNotifier notifier, EngineActor actor) {
		this.approvals = approvals;
		this.notifier = notifier;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			ProductionVariables variables = ProductionVariables.of(task);
			this.notifier.reviewRequested(task.getId(), task.getName(), List.of(task.getAssignee()),
					variables.assetId(), variables.assetVersionId());
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			ProductionVariables variables = ProductionVariables.of(task);
			this.approvals.recordReview(variables.assetId(), variables.assetVersionId(),
					variables.productionStage().name(), decision(task), (String) task.getVariable(Var.DECISION_COMMENT),
					this.actor.currentUser(task.getAssignee()), task.getId());
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
