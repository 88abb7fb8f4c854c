package io.greenlight.production;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.ReviewStage;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.VersionStatus;
import io.greenlight.concurrency.Conflicts;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.ApiProblem;
import io.greenlight.system.ConcurrentChangeException;
import io.greenlight.system.ConflictException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer decides on a version through Greenlight's API: the decision completes their
 * open review task for exactly that version. A superseded version takes no decision (409,
 * naming the latest one), nor does an approved one. A reviewer whose review was withdrawn
 * when their stage settled (another reviewer's decision settled it) still has their say:
 * it is kept as late feedback. The same decision sent several times at once is recorded
 * once; the others are told it is on record already.
 */
@Service
public class ReviewDecisionService {

	private final AssetAccess access;

	private final AssetService assets;

	private final TaskService taskService;

	private final LateFeedback lateFeedback;

	private final ApprovalService approvals;

	private final ReviewStageService stages;

	ReviewDecisionService(AssetAccess access, AssetService assets, TaskService taskService, LateFeedback lateFeedback,
			ApprovalService approvals, ReviewStageService stages) {
		this.access = access;
		this.assets = assets;
		this.taskService = taskService;
		this.lateFeedback = lateFeedback;
		this.approvals = approvals;
		this.stages = stages;
	}

	/**
	 * @return the stage the decision came too late for (it is kept as late feedback), or
	 * empty when it completed the user's review task
	 * @throws ConcurrentChangeException when another request completed or withdrew the
	 * review task at the same moment: nothing was recorded, asked again the new state
	 * gives the answer
	 */
	@Transactional
	Optional<ReviewStage> decide(String versionId, String userId, String decision, String comment) {
		AssetVersion version = this.access.visibleVersion(versionId);
		Asset asset = this.assets.get(version.assetId());
		try {
			return decide(asset, version, userId, decision, comment);
		}
		catch (ProcessEngineException ex) {
			throw problemIn(ex, asset, version);
		}
	}

	private Optional<ReviewStage> decide(Asset asset, AssetVersion version, String userId, String decision,
			String comment) {
		Optional<Task> task = openReviewTask(asset, version, userId);
		if (task.isEmpty()) {
			Optional<ReviewStage> late = this.lateFeedback.keep(version, userId, decision, comment);
			if (late.isPresent()) {
				return late;
			}
		}
		Optional<ConflictException> refusal = refusal(asset, version, userId, task);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
		this.taskService.complete(task.get().getId(),
				Variables.createVariables().putValue(Var.DECISION, decision).putValue(Var.DECISION_COMMENT, comment));
		return Optional.empty();
	}

	/**
	 * Whether the signed-in user can decide on the version now, asked before they try:
	 * the same answer {@link #decide} would give, without deciding.
	 */
	@Transactional(readOnly = true)
	public DecisionChance chance(String versionId, String userId) {
		AssetVersion version = this.access.visibleVersion(versionId);
		Asset asset = this.assets.get(version.assetId());
		Optional<Task> task = openReviewTask(asset, version, userId);
		if (task.isEmpty()) {
			Optional<ReviewStage> settled = this.lateFeedback.settledWithout(version, userId);
			if (settled.isPresent()) {
				return new DecisionChance(true, true, settled.get().stage(), settled.get().dueAt(),
						"The " + settled.get().stage() + " stage of v" + version.number() + " settled ("
								+ settled.get().outcome() + ") before you decided: your decision is kept as late "
								+ "feedback and shown with the next version.");
			}
		}
		Optional<ConflictException> refusal = refusal(asset, version, userId, task);
		if (refusal.isPresent()) {
			return new DecisionChance(false, false, null, null, refusal.get().getMessage());
		}
		ReviewStage stage = this.stages.find(task.get().getProcessInstanceId()).orElseThrow();
		return new DecisionChance(true, false, stage.stage(), stage.dueAt(), null);
	}

	private Optional<ConflictException> refusal(Asset asset, AssetVersion version, String userId, Optional<Task> task) {
		if (version.status() == VersionStatus.SUPERSEDED) {
			AssetVersion latest = this.assets.latestVersion(version.assetId(), version.variant()).orElse(version);
			return Optional.of(new ConflictException("v" + version.number() + " of " + asset.title()
					+ " is superseded by v" + latest.number() + ", the latest version: decide on v" + latest.number()
					+ " (" + latest.id() + "). Comments on v" + version.number() + " stay readable."));
		}
		if (version.status() == VersionStatus.APPROVED) {
			return Optional.of(new ConflictException("v" + version.number() + " of " + asset.title()
					+ " is approved and locked: it takes no more decisions."));
		}
		return task.isEmpty() ? Optional.of(noOpenReview(asset, version, userId)) : Optional.empty();
	}

	private ConflictException noOpenReview(Asset asset, AssetVersion version, String userId) {
		String versionName = "v" + version.number() + " of " + asset.title();
		return this.approvals.latestDecision(version.id(), userId)
			.map(decided -> new ConflictException("You decided on " + versionName + " already (" + decided.decision()
					+ " at " + decided.decidedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
					+ (decided.late() ? ", kept as late feedback" : "")
					+ "): one decision per reviewer and version is recorded."))
			.orElseGet(() -> new ConflictException("You have no open review of " + versionName + ": it is at "
					+ asset.stage() + " (" + asset.status() + ")."));
	}

	private Optional<Task> openReviewTask(Asset asset, AssetVersion version, String userId) {
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceBusinessKeyIn(asset.businessKeys())
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

	// The engine wraps what a task listener throws; the API answers with Greenlight's own
	// message. A review task that vanished, or lost its authorizations, between reading
	// it and completing it, or a completion that lost the engine's optimistic locking or
	// the decision's unique key, was completed or withdrawn by another request at the
	// same moment (the same decision sent twice, the stage settling): the caller asks
	// again.
	private static RuntimeException problemIn(ProcessEngineException ex, Asset asset, AssetVersion version) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiProblem problem) {
				return problem;
			}
		}
		if (Conflicts.lostRace(ex) || ex instanceof NullValueException || ex instanceof AuthorizationException) {
			return new ConcurrentChangeException("Your review task for v" + version.number() + " of " + asset.title()
					+ " was just completed or withdrawn by another request: look at the version again to see "
					+ "where it stands.");
		}
		return ex;
	}

	/**
	 * What the user may do about a version: decide (on time, or late when their stage
	 * settled without them), or not, and why in the words a refused decision would use.
	 *
	 * @param stage the review stage the decision counts in, when it can be made
	 * @param dueAt when that stage is due
	 */
	public record DecisionChance(boolean canDecide, boolean late, String stage, OffsetDateTime dueAt, String reason) {
	}

}
