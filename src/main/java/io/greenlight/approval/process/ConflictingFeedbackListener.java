package io.greenlight.approval.process;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.Settlement;
import io.greenlight.approval.StageOutcome;
import io.greenlight.approval.process.StakeholderReviewProcess.Var;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.security.EngineActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code UserTask_ResolveConflictingFeedback}.
 * <p>
 * On create: puts every reviewer's decision and comment on the task (task-local, for its
 * form) and tells the project's producers.
 * <p>
 * On complete: records the producer's resolution as the stage's outcome and hands it back
 * to the production.
 */
@CallableFromProcesses
@Component("conflictingFeedbackListener")
class ConflictingFeedbackListener implements TaskListener {

	private final ApprovalService approvals;

	private final ReviewStageService stages;

	private final StageOutcomes outcomes;

	private final StageNotifier notifier;

	private final EngineActor actor;

	ConflictingFeedbackListener(ApprovalService approvals, ReviewStageService stages, StageOutcomes outcomes,
			StageNotifier notifier, EngineActor actor) {
		this.approvals = approvals;
		this.stages = stages;
		this.outcomes = outcomes;
		this.notifier = notifier;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		StageVariables variables = StageVariables.of(task);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Settlement settlement = StageOutcome.settle(variables.rule(),
					this.approvals.votes(task.getProcessInstanceId()), variables.reviewers().size());
			task.setVariableLocal(Var.CONFLICT_REASON, settlement.conflict());
			task.setVariableLocal(Var.FEEDBACK_SUMMARY, summary(variables));
			this.notifier.toProducers(NotificationEvent.CONFLICT_TO_RESOLVE, task.getId(), variables,
					"Conflicting feedback to resolve");
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			ReviewDecision resolution = resolution(task.getVariable(Var.RESOLUTION));
			Object comment = task.getVariable(Var.RESOLUTION_COMMENT);
			this.stages.resolve(task.getProcessInstanceId(), resolution, this.actor.currentUser(task.getAssignee()),
					(comment == null) ? null : comment.toString());
			this.outcomes.handBack(task.getExecution().getProcessInstance(), resolution);
			task.getExecution().getProcessInstance().removeVariables(List.of(Var.RESOLUTION, Var.RESOLUTION_COMMENT));
		}
	}

	private String summary(StageVariables variables) {
		return this.approvals.decisionsFor(variables.assetId())
			.stream()
			.filter(decision -> variables.versionId().equals(decision.versionId())
					&& variables.stage().equals(decision.stage()))
			.map(ConflictingFeedbackListener::line)
			.collect(Collectors.joining("\n"));
	}

	private static String line(DecisionRecord decision) {
		return decision.decidedBy() + ": " + decision.decision()
				+ ((decision.comment() == null) ? "" : " \u2014 " + decision.comment());
	}

	private static ReviewDecision resolution(Object value) {
		List<ReviewDecision> choices = List.of(ReviewDecision.APPROVED, ReviewDecision.APPROVED_WITH_CHANGES,
				ReviewDecision.CHANGES_REQUESTED);
		try {
			ReviewDecision decision = ReviewDecision.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
			if (choices.contains(decision)) {
				return decision;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below with the choices
		}
		throw new InvalidRequestException("Resolve the feedback: one of " + choices + ".");
	}

}
