package io.greenlight.approval.process;

import io.greenlight.approval.process.StakeholderReviewProcess.Var;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code UserTask_ChaseOverdueReview} on complete: the producer's note goes to every
 * reviewer who still has not decided, as a reminder.
 */
@CallableFromProcesses
@Component("chaseOverdueReviewListener")
class ChaseOverdueReviewListener implements TaskListener {

	private final StageNotifier notifier;

	ChaseOverdueReviewListener(StageNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void notify(DelegateTask task) {
		Object note = task.getVariable(Var.CHASE_NOTE);
		if (note == null || note.toString().isBlank()) {
			throw new InvalidRequestException("Write the reviewers a note: it is sent with the reminder.");
		}
		if (note.toString().length() > 200) {
			throw new InvalidRequestException(
					"The note is too long: " + note.toString().length() + " characters, at most 200.");
		}
		this.notifier.remindUndecided(task.getProcessInstanceId(), task.getId(), StageVariables.of(task),
				note.toString().trim());
		task.removeVariable(Var.CHASE_NOTE);
	}

}
