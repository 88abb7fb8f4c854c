package io.greenlight.approval.process;

import java.util.List;

import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_FallBackToBackupGroup}: the stage is overdue and its configuration
 * names a backup group. Every review still open is handed to that group ("Open to me" in
 * Tasklist: unassigned, the group and the silent reviewer may claim it), and the group's
 * members are reminded.
 */
@CallableFromProcesses
@Component("fallBackToBackupGroupDelegate")
class FallBackToBackupGroupDelegate implements JavaDelegate {

	private final TaskService taskService;

	private final IdentityService identityService;

	private final StageNotifier notifier;

	FallBackToBackupGroupDelegate(TaskService taskService, IdentityService identityService, StageNotifier notifier) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		String group = variables.backupGroup();
		List<Task> open = this.taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.list();
		for (Task task : open) {
			if (task.getAssignee() != null) {
				this.taskService.addCandidateUser(task.getId(), task.getAssignee());
				this.taskService.setAssignee(task.getId(), null);
			}
			this.taskService.addCandidateGroup(task.getId(), group);
		}
		List<String> members = this.identityService.createUserQuery()
			.memberOfGroup(group)
			.list()
			.stream()
			.map(User::getId)
			.toList();
		this.notifier.toUsers(NotificationEvent.REMINDER, execution.getProcessInstanceId() + ":BACKUP", members,
				variables, "Overdue review handed to " + group + ", please take it over");
	}

}
