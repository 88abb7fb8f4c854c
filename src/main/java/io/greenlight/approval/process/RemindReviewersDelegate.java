package io.greenlight.approval.process;

import java.util.Date;

import io.greenlight.approval.process.StakeholderReviewProcess.Var;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RemindBeforeDue}, {@code ServiceTask_RemindAtDue},
 * {@code ServiceTask_RemindAfterDue}: reminds the reviewers who have not decided yet. The
 * reminder before the due date is skipped when the stage opened after it would have been
 * sent (a stage shorter than the reminder offset).
 */
@CallableFromProcesses
@Component("remindReviewersDelegate")
class RemindReviewersDelegate implements JavaDelegate {

	private static final String BEFORE_DUE = "BEFORE_DUE";

	private final StageNotifier notifier;

	RemindReviewersDelegate(StageNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		String reminder = variables.reminder();
		Date dueAt = (Date) execution.getVariable(Var.STAGE_DUE_AT);
		Date opened = execution.getProcessEngineServices()
			.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.singleResult()
			.getStartTime();
		Date beforeAt = (Date) execution.getVariable(Var.REMINDER_BEFORE_DUE_AT);
		if (BEFORE_DUE.equals(reminder) && !beforeAt.after(opened)) {
			return;
		}
		String subject = switch (reminder) {
			case BEFORE_DUE -> "Review due " + dueAt.toInstant();
			case "AT_DUE" -> "Review due now";
			default -> "Review overdue since " + dueAt.toInstant();
		};
		this.notifier.remindUndecided(execution.getProcessInstanceId(),
				execution.getProcessInstanceId() + ":" + reminder, variables, subject);
	}

}
