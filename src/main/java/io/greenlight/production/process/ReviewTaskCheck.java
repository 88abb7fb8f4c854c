package io.greenlight.production.process;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.greenlight.approval.ReviewStage;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.AssetService;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.security.EngineActor;
import io.greenlight.security.UserDirectory;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Before a review decision is recorded: the task, the version and the reviewer belong
 * together. The stage (its asset, version and production stage) is the one on record for
 * the task's own process instance; whose review a task is and who reviews the stage are
 * variables only the server writes; who decides is the signed-in user. A refusal is an
 * {@link AuthorizationException}: 403 with its message over every route.
 */
@Component
class ReviewTaskCheck {

	private final ReviewStageService stages;

	private final AssetService assets;

	private final EngineActor actor;

	private final UserDirectory users;

	ReviewTaskCheck(ReviewStageService stages, AssetService assets, EngineActor actor, UserDirectory users) {
		this.stages = stages;
		this.assets = assets;
		this.actor = actor;
		this.users = users;
	}

	/**
	 * The stage the review task belongs to, from {@code review_stage} by the task's
	 * process instance; refused when the task's variables or business key point
	 * elsewhere.
	 */
	ReviewStage stageOf(DelegateTask task) {
		ReviewStage stage = this.stages.get(task.getProcessInstanceId());
		if (!this.assets.version(stage.versionId()).assetId().equals(stage.assetId())) {
			throw refused(
					"the stage's version " + stage.versionId() + " is not a version of its asset " + stage.assetId());
		}
		agrees(task, Var.ASSET_ID, stage.assetId());
		agrees(task, Var.ASSET_VERSION_ID, stage.versionId());
		agrees(task, Var.PRODUCTION_STAGE, stage.stage());
		String businessKey = task.getExecution().getProcessBusinessKey();
		if (businessKey != null
				&& !Arrays.asList(this.assets.get(stage.assetId()).businessKeys()).contains(businessKey)) {
			throw refused("the stage runs for asset " + businessKey + ", but its record is about " + stage.assetId());
		}
		return stage;
	}

	/**
	 * Who decides: the signed-in user (the assignee when the server completes the task),
	 * who must be the task's assignee, whose review it is (or who took it over for the
	 * stage's backup group).
	 */
	String decider(DelegateTask task) {
		String assignee = task.getAssignee();
		String decider = this.actor.currentUser(assignee);
		if (assignee == null) {
			throw new AuthorizationException("Claim " + task.getName() + " before deciding: a review is decided by "
					+ "the one person it is assigned to.");
		}
		if (!assignee.equals(decider)) {
			throw new AuthorizationException(task.getName() + " is " + assignee + "'s review: only " + assignee
					+ " can decide it, not " + decider + ".");
		}
		Object whose = task.getVariable(StakeholderReviewProcess.Var.REVIEWER);
		List<String> reviewers = reviewers(task);
		if ((assignee.equals(whose) && reviewers.contains(assignee)) || tookOverForBackupGroup(task, assignee)) {
			return decider;
		}
		String why = reviewers.contains(assignee)
				? assignee + " has a say of their own in this stage, not " + whose + "'s as well"
				: assignee + " does not review this stage, whose reviewers are " + reviewers;
		throw new AuthorizationException(task.getName() + " is " + whose + "'s review: " + why
				+ ". Only a producer hands a review to someone else, through Greenlight's API (delegate); "
				+ "the decision is not recorded.");
	}

	// an overdue stage offers its silent reviews to its backup group; one of them claims
	private boolean tookOverForBackupGroup(DelegateTask task, String assignee) {
		Object group = task.getVariable(StakeholderReviewProcess.Var.BACKUP_GROUP);
		if (group == null || group.toString().isBlank()) {
			return false;
		}
		String backupGroup = group.toString().trim();
		boolean offered = task.getCandidates().stream().map(IdentityLink::getGroupId).anyMatch(backupGroup::equals);
		return offered && this.users.groupMembers(backupGroup).contains(assignee);
	}

	private static List<String> reviewers(DelegateTask task) {
		Object reviewers = task.getVariable(StakeholderReviewProcess.Var.REVIEWERS);
		return (reviewers == null) ? List.of()
				: Arrays.stream(reviewers.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
	}

	private static void agrees(DelegateTask task, String name, String onRecord) {
		Object value = task.getVariable(name);
		if (value != null && !Objects.equals(value.toString(), onRecord)) {
			throw refused("its " + name + " is " + value + ", but its stage on record is about " + onRecord);
		}
	}

	private static AuthorizationException refused(String why) {
		return new AuthorizationException(
				"This review task does not belong with the version it names (" + why + "): nothing is recorded.");
	}

}
