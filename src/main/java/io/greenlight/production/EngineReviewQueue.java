package io.greenlight.production;

import java.util.Set;
import java.util.stream.Collectors;

import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.ReviewQueue;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * "Awaiting my review": the user's open review tasks in the engine.
 */
@Component
class EngineReviewQueue implements ReviewQueue {

	private static final int MAX_OPEN_REVIEWS = 1000;

	private final TaskService taskService;

	private final ReviewStageService stages;

	EngineReviewQueue(TaskService taskService, ReviewStageService stages) {
		this.taskService = taskService;
		this.stages = stages;
	}

	@Override
	public Set<String> awaitingReviewBy(String userId) {
		// review tasks live in the stage's own process instance, called by the production
		Set<String> stageInstances = this.taskService.createTaskQuery()
			.taskAssignee(userId)
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.listPage(0, MAX_OPEN_REVIEWS)
			.stream()
			.map(Task::getProcessInstanceId)
			.collect(Collectors.toSet());
		return Set.copyOf(this.stages.productionInstancesOf(stageInstances));
	}

}
