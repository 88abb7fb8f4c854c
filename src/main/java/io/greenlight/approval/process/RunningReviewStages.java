package io.greenlight.approval.process;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.greenlight.approval.process.StakeholderReviewProcess.Var;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Changes the reviews of a running {@code StakeholderReviewProcess} instance. The
 * {@code reviewers} variable is what the stage counts (the multi-instance collection and
 * {@code ${stakeholderReview.isSettled(execution)}} both read it), so every change
 * rewrites it together with the review tasks. The caller checks who may change what; the
 * engine is called without the signed-in user's authorizations.
 */
@Component
public class RunningReviewStages {

	private static final String REVIEWS_BODY = StakeholderReviewProcess.USER_TASK_REVIEW_ASSET + "#multiInstanceBody";

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	RunningReviewStages(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/**
	 * Whether the stage's reviews are still running: false once they ended (the stage
	 * settles, or a producer resolves conflicting feedback).
	 */
	public boolean reviewsRunning(String stageId) {
		ActivityInstance root = this.runtimeService.getActivityInstance(stageId);
		return root != null && find(root, StakeholderReviewProcess.SUB_PROCESS_REVIEWS).isPresent();
	}

	/** The stage's reviewers, as the engine counts them. */
	public List<String> reviewers(String stageId) {
		Object reviewers = this.runtimeService.getVariable(stageId, Var.REVIEWERS);
		return StageVariables.split(String.valueOf(reviewers));
	}

	/** The reviewer's open review task in this stage, if they have one now. */
	public Optional<Task> openReview(String stageId, String reviewer) {
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceId(stageId)
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.list()) {
			// the multi-instance element variable names whose review it is, also when a
			// backup group took it over and nobody is assigned
			if (reviewer.equals(this.runtimeService.getVariable(task.getExecutionId(), Var.REVIEWER))) {
				return Optional.of(task);
			}
		}
		return Optional.empty();
	}

	/**
	 * Hands a reviewer's open review to someone else: the task becomes theirs, and so
	 * does the reviewer's place in the stage (and the primary reviewer's role under
	 * PRIMARY).
	 */
	public void delegate(String stageId, Task review, String to, List<String> reviewers, String primaryReviewer) {
		this.runtimeService.setVariable(stageId, Var.REVIEWERS, String.join(",", reviewers));
		if (primaryReviewer != null) {
			this.runtimeService.setVariable(stageId, Var.PRIMARY_REVIEWER, primaryReviewer);
		}
		// set where the multi-instance put it (the task's input mapping makes the task a
		// scope of its own below it)
		this.runtimeService.setVariable(review.getExecutionId(), Var.REVIEWER, to);
		this.taskService.setAssignee(review.getId(), to);
	}

	/**
	 * Adds a review to the running side-by-side reviews: one more instance of
	 * {@code UserTask_ReviewAsset} inside its multi-instance body, for the new reviewer.
	 * The engine counts it as one more instance; the rule counts the new reviewer through
	 * {@code reviewers}.
	 * @return false when the stage has no side-by-side reviews running
	 */
	public boolean add(String stageId, String reviewer, List<String> reviewers) {
		Optional<ActivityInstance> body = find(this.runtimeService.getActivityInstance(stageId), REVIEWS_BODY);
		if (body.isEmpty()) {
			return false;
		}
		this.runtimeService.setVariable(stageId, Var.REVIEWERS, String.join(",", reviewers));
		this.runtimeService.createProcessInstanceModification(stageId)
			.startBeforeActivity(StakeholderReviewProcess.USER_TASK_REVIEW_ASSET, body.get().getId())
			.setVariableLocal(Var.REVIEWER, reviewer)
			.execute();
		return true;
	}

	/**
	 * Withdraws a reviewer's open review. When the decisions already given settle the
	 * stage without them, the reviews end and the stage settles now, as it would have
	 * when the last needed decision came in.
	 */
	public void remove(String stageId, Task review, List<String> reviewers, boolean settlesNow) {
		this.runtimeService.setVariable(stageId, Var.REVIEWERS, String.join(",", reviewers));
		ActivityInstance root = this.runtimeService.getActivityInstance(stageId);
		if (settlesNow) {
			// cancel first: settling runs to the end of the instance at once, and the
			// engine keeps the instance through a modification until its last instruction
			this.runtimeService.createProcessInstanceModification(stageId)
				.cancelActivityInstance(find(root, StakeholderReviewProcess.SUB_PROCESS_REVIEWS).orElseThrow().getId())
				.startBeforeActivity(StakeholderReviewProcess.SERVICE_TASK_SETTLE_STAGE)
				.execute();
			return;
		}
		ActivityInstance reviewInstance = taskInstance(root, review.getExecutionId())
			.orElseThrow(() -> new IllegalStateException("No activity instance for task " + review.getId()));
		this.runtimeService.createProcessInstanceModification(stageId)
			.cancelActivityInstance(reviewInstance.getId())
			.execute();
	}

	private static Optional<ActivityInstance> find(ActivityInstance instance, String activityId) {
		return find(instance, candidate -> activityId.equals(candidate.getActivityId()));
	}

	private static Optional<ActivityInstance> taskInstance(ActivityInstance instance, String executionId) {
		return find(instance, candidate -> StakeholderReviewProcess.REVIEW_TASKS.contains(candidate.getActivityId())
				&& List.of(candidate.getExecutionIds()).contains(executionId));
	}

	private static Optional<ActivityInstance> find(ActivityInstance instance, Predicate<ActivityInstance> wanted) {
		if (wanted.test(instance)) {
			return Optional.of(instance);
		}
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			Optional<ActivityInstance> found = find(child, wanted);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

}
