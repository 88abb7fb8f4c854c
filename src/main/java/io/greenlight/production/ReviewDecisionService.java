package io.greenlight.production;

import java.util.Optional;

import io.greenlight.approval.ReviewStage;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.VersionStatus;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.ApiProblem;
import io.greenlight.system.ConflictException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer decides on a version through Greenlight's API: the decision completes their
 * open review task for exactly that version. A superseded version takes no decision (409,
 * naming the latest one), nor does an approved one. A reviewer whose review was withdrawn
 * when their stage settled (another reviewer's decision settled it) still has their say:
 * it is kept as late feedback.
 */
@Service
class ReviewDecisionService {

	private final AssetAccess access;

	private final AssetService assets;

	private final TaskService taskService;

	private final LateFeedback lateFeedback;

	private final ReviewStageService stages;

	ReviewDecisionService(AssetAccess access, AssetService assets, TaskService taskService, LateFeedback lateFeedback,
			ReviewStageService stages) {
		this.access = access;
		this.assets = assets;
		this.taskService = taskService;
		this.lateFeedback = lateFeedback;
		this.stages = stages;
	}

	/**
	 * @return the stage the decision came too late for (it is kept as late feedback), or
	 * empty when it completed the user's review task
	 */
	@Transactional
	Optional<ReviewStage> decide(String versionId, String userId, String decision, String comment) {
		AssetVersion version = this.access.visibleVersion(versionId);
		Asset asset = this.assets.get(version.assetId());
		Optional<Task> task = openReviewTask(asset, version, userId);
		if (task.isEmpty()) {
			Optional<ReviewStage> late = this.lateFeedback.keep(version, userId, decision, comment);
			if (late.isPresent()) {
				return late;
			}
		}
		if (version.status() == VersionStatus.SUPERSEDED) {
			AssetVersion latest = this.assets.latestVersion(version.assetId(), version.variant()).orElse(version);
			throw new ConflictException("v" + version.number() + " of " + asset.title() + " is superseded by v"
					+ latest.number() + ", the latest version: decide on v" + latest.number() + " (" + latest.id()
					+ "). Comments on v" + version.number() + " stay readable.");
		}
		if (version.status() == VersionStatus.APPROVED) {
			throw new ConflictException("v" + version.number() + " of " + asset.title()
					+ " is approved and locked: it takes no more decisions.");
		}
		if (task.isEmpty()) {
			throw new ConflictException("You have no open review of v" + version.number() + " of " + asset.title()
					+ ": it is at " + asset.stage() + " (" + asset.status() + ").");
		}
		try {
			this.taskService.complete(task.get().getId(),
					Variables.createVariables()
						.putValue(Var.DECISION, decision)
						.putValue(Var.DECISION_COMMENT, comment));
		}
		catch (ProcessEngineException ex) {
			throw problemIn(ex);
		}
		return Optional.empty();
	}

	private Optional<Task> openReviewTask(Asset asset, AssetVersion version, String userId) {
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceBusinessKey(asset.id())
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.taskAssignee(userId)
			.listPage(0, 50)) {
			// the version the task's stage is about, on record (not a variable of the
			// task)
			if (this.stages.find(task.getProcessInstanceId())
				.filter(stage -> version.id().equals(stage.versionId()))
				.isPresent()) {
				return Optional.of(task);
			}
		}
		return Optional.empty();
	}

	// the engine wraps what a task listener throws; the API answers with Greenlight's own
	// message
	private static RuntimeException problemIn(ProcessEngineException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiProblem problem) {
				return problem;
			}
		}
		return ex;
	}

}
