package io.greenlight.approval.process;

import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_EscalateOverdueReview}: the stage is overdue by the configured time;
 * the project's producers hear about it and get {@code UserTask_ChaseOverdueReview}.
 */
@CallableFromProcesses
@Component("escalateOverdueReviewDelegate")
class EscalateOverdueReviewDelegate implements JavaDelegate {

	private final StageNotifier notifier;

	EscalateOverdueReviewDelegate(StageNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		String waitingFor = String.join(", ", this.notifier.undecidedReviewers(execution.getProcessInstanceId()));
		this.notifier.toProducers(NotificationEvent.OVERDUE_ESCALATION, execution.getProcessInstanceId(), variables,
				"Review overdue, waiting for " + waitingFor);
	}

}
