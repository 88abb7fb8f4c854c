package io.greenlight.approval.process;

import java.util.List;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.notification.NotificationService;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who hears about a review stage's deadlines and conflicts: reviewers who have not
 * decided yet, and the project's producers. Queued in the notification outbox.
 */
@Component
class StageNotifier {

	private final AssetService assets;

	private final ProjectRepository projects;

	private final NotificationService notifications;

	private final TaskService taskService;

	StageNotifier(AssetService assets, ProjectRepository projects, NotificationService notifications,
			TaskService taskService) {
		this.assets = assets;
		this.projects = projects;
		this.notifications = notifications;
		this.taskService = taskService;
	}

	/**
	 * Reminds the reviewers whose review is still open; those who decided hear nothing.
	 * @param occurrence what makes this reminder unique (the stage and which reminder)
	 */
	void remindUndecided(String stageId, String occurrence, StageVariables variables, String subject) {
		List<String> undecided = undecidedReviewers(stageId);
		if (!undecided.isEmpty()) {
			this.notifications.queue(NotificationEvent.REMINDER, occurrence, undecided, variables.assetId(),
					variables.versionId(), subject + ": " + about(variables));
		}
	}

	/** Tells the project's producers something needs them. */
	void toProducers(NotificationEvent event, String occurrence, StageVariables variables, String subject) {
		Asset asset = this.assets.get(variables.assetId());
		this.notifications.queue(event, occurrence, this.projects.members(asset.projectId(), ProjectRole.PRODUCER),
				asset.id(), variables.versionId(), subject + ": " + about(variables));
	}

	/** Tells these users something about the stage's version. */
	void toUsers(NotificationEvent event, String occurrence, List<String> users, StageVariables variables,
			String subject) {
		this.notifications.queue(event, occurrence, users, variables.assetId(), variables.versionId(),
				subject + ": " + about(variables));
	}

	List<String> undecidedReviewers(String stageId) {
		return this.taskService.createTaskQuery()
			.processInstanceId(stageId)
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.list()
			.stream()
			.map(Task::getAssignee)
			.filter(assignee -> assignee != null)
			.distinct()
			.toList();
	}

	private String about(StageVariables variables) {
		Asset asset = this.assets.get(variables.assetId());
		return asset.title() + " v" + this.assets.version(variables.versionId()).number();
	}

}
