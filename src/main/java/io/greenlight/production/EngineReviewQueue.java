package io.greenlight.production;

import java.util.Set;
import java.util.stream.Collectors;

import io.greenlight.asset.ReviewQueue;
import io.greenlight.production.process.CreativeProductionProcess;
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

	EngineReviewQueue(TaskService taskService) {
		this.taskService = taskService;
	}

	@Override
	public Set<String> awaitingReviewBy(String userId) {
		return this.taskService.createTaskQuery()
			.taskAssignee(userId)
			.taskDefinitionKeyIn(CreativeProductionProcess.USER_TASK_INTERNAL_REVIEW,
					CreativeProductionProcess.USER_TASK_CLIENT_REVIEW)
			.listPage(0, MAX_OPEN_REVIEWS)
			.stream()
			.map(Task::getProcessInstanceId)
			.collect(Collectors.toSet());
	}

}
