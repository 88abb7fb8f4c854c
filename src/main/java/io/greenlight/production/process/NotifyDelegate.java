package io.greenlight.production.process;

import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.production.ProductionNotifier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_Notify*}: queues the notification named by the task's
 * {@code notificationEvent} input. Runs after an async boundary with retries, so a
 * failure here never rolls back the decision that caused it, and ends as an incident if
 * it keeps failing.
 */
@CallableFromProcesses
@Component("notifyDelegate")
class NotifyDelegate implements JavaDelegate {

	private final ProductionNotifier notifier;

	NotifyDelegate(ProductionNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		NotificationEvent event = NotificationEvent.valueOf(variables.notificationEvent());
		String versionId = variables.hasVersion() ? variables.assetVersionId() : null;
		this.notifier.notify(event, variables.assetId(), versionId);
	}

}
