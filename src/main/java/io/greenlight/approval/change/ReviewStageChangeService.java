package io.greenlight.approval.change;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRule;
import io.greenlight.approval.ReviewStage;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.StageOutcome;
import io.greenlight.approval.StageRule;
import io.greenlight.approval.Vote;
import io.greenlight.approval.change.ReviewStageChange.Kind;
import io.greenlight.approval.process.RunningReviewStages;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.notification.NotificationService;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.security.CurrentUser;
import io.greenlight.security.SystemActor;
import io.greenlight.system.ConcurrentChangeException;
import io.greenlight.system.ConflictException;
import io.greenlight.system.ForbiddenException;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer of the asset's project (or creative-ops) changes who reviews a running
 * stage: adds a reviewer, removes one, or hands one's open review to someone else. Each
 * change is checked against the stage's rule, made in the engine, written to the stage's
 * record and to the change log, all in one transaction.
 */
@Service
@Transactional
public class ReviewStageChangeService {

	private final ReviewStageService stages;

	private final AssetAccess access;

	private final ProjectRepository projects;

	private final ApprovalService approvals;

	private final RunningReviewStages running;

	private final ReviewStageChangeLog log;

	private final NotificationService notifications;

	private final SystemActor system;

	ReviewStageChangeService(ReviewStageService stages, AssetAccess access, ProjectRepository projects,
			ApprovalService approvals, RunningReviewStages running, ReviewStageChangeLog log,
			NotificationService notifications, SystemActor system) {
		this.stages = stages;
		this.access = access;
		this.projects = projects;
		this.approvals = approvals;
		this.running = running;
		this.log = log;
		this.notifications = notifications;
		this.system = system;
	}

	/** The asset's review stages, oldest first, for anyone who may see the asset. */
	@Transactional(readOnly = true)
	public List<ReviewStageView> stagesOf(String assetId) {
		return this.stages.stagesOf(this.access.visibleAsset(assetId).id()).stream().map(this::view).toList();
	}

	/** Every change made to the asset's running stages, oldest first. */
	@Transactional(readOnly = true)
	public List<ReviewStageChange> changesOf(String assetId) {
		return this.log.ofAsset(this.access.visibleAsset(assetId).id());
	}

	/**
	 * Adds a reviewer to a running side-by-side stage: they get a review task, and the
	 * rule counts them (ALL waits for them too).
	 */
	public ReviewStageView addReviewer(String stageId, String userId, String reason) {
		Change change = begin(stageId, reason);
		String reviewer = member(change, userId, "userId");
		if (change.reviewers.contains(reviewer)) {
			throw new ConflictException(reviewer + " already reviews this stage.");
		}
		if (change.rule.rule() == DecisionRule.SEQUENTIAL) {
			throw new ConflictException("This stage is SEQUENTIAL: its chain of reviewers is fixed once it runs. "
					+ "Delegate a reviewer's turn to " + reviewer + " instead.");
		}
		List<String> reviewers = new ArrayList<>(change.reviewers);
		reviewers.add(reviewer);
		boolean added = engine(() -> this.running.add(stageId, reviewer, reviewers));
		if (!added) {
			throw reviewsClosed();
		}
		this.stages.changeReviewers(stageId, reviewers, change.stage.primaryReviewer());
		// the new review task's create listener asks the reviewer (REVIEW_REQUESTED)
		this.log.record(stageId, change.stage.assetId(), Kind.ADDED, reviewer, null, reason.trim(), change.user.id());
		return view(this.stages.get(stageId));
	}

	/**
	 * Withdraws a silent reviewer's open review; the rule stops waiting for them, and
	 * when the decisions given already settle the stage, it settles now.
	 */
	public ReviewStageView removeReviewer(String stageId, String userId, String reason) {
		Change change = begin(stageId, reason);
		String reviewer = reviewer(change, userId, "userId");
		if (change.reviewers.size() == 1) {
			throw new ConflictException(reviewer + " is the only reviewer of this stage, and a stage needs one. "
					+ "Delegate their review to someone else instead.");
		}
		if (change.rule.rule() == DecisionRule.PRIMARY && reviewer.equals(change.rule.primaryReviewer())) {
			throw new ConflictException(reviewer + " is the primary reviewer: under PRIMARY their decision settles "
					+ "the stage, so it cannot go without them. Delegate their review to someone else instead.");
		}
		if (change.rule.rule() == DecisionRule.QUORUM && change.reviewers.size() - 1 < change.rule.quorum()) {
			throw new ConflictException("This stage needs " + change.rule.quorum() + " approvals; without " + reviewer
					+ " it would have " + (change.reviewers.size() - 1) + " reviewers.");
		}
		if (change.rule.rule() == DecisionRule.SEQUENTIAL) {
			throw new ConflictException("This stage is SEQUENTIAL: its chain of reviewers is fixed once it runs. "
					+ "Delegate " + reviewer + "'s turn to someone else instead.");
		}
		Task review = openReview(change, reviewer);
		List<String> reviewers = new ArrayList<>(change.reviewers);
		reviewers.remove(reviewer);
		// the stage record first: settling now writes its outcome there
		this.stages.changeReviewers(stageId, reviewers, change.stage.primaryReviewer());
		boolean settlesNow = StageOutcome.isSettled(change.rule, change.votes, reviewers.size());
		// logged before the stage settles and the next one opens, so the log's time
		// comes before theirs, as the cause before its effects (the approval record
		// is ordered by time)
		this.log.record(stageId, change.stage.assetId(), Kind.REMOVED, reviewer, null, reason.trim(), change.user.id());
		engine(() -> {
			this.running.remove(stageId, review, reviewers, settlesNow);
			return null;
		});
		return view(this.stages.get(stageId));
	}

	/**
	 * Hands a reviewer's open review to another member of the project. The task is
	 * reassigned, not delegated in Camunda's sense: with delegate and resolve the task
	 * would go back to the original reviewer to complete, and the decision would count as
	 * theirs. Reassigned, the delegatee decides and their decision counts in the
	 * reviewer's place, under every rule (under PRIMARY they become the primary
	 * reviewer).
	 */
	public ReviewStageView delegate(String stageId, String userId, String to, String reason) {
		Change change = begin(stageId, reason);
		String reviewer = reviewer(change, userId, "userId");
		String delegatee = member(change, to, "to");
		if (change.reviewers.contains(delegatee)) {
			throw new ConflictException(delegatee + " already reviews this stage: one person has one say.");
		}
		Task review = openReview(change, reviewer);
		List<String> reviewers = new ArrayList<>(change.reviewers);
		reviewers.set(reviewers.indexOf(reviewer), delegatee);
		String primary = reviewer.equals(change.stage.primaryReviewer()) ? delegatee : change.stage.primaryReviewer();
		engine(() -> {
			this.running.delegate(stageId, review, delegatee, reviewers, primary);
			return null;
		});
		this.stages.changeReviewers(stageId, reviewers, primary);
		ReviewStageChange logged = this.log.record(stageId, change.stage.assetId(), Kind.DELEGATED, reviewer, delegatee,
				reason.trim(), change.user.id());
		this.notifications.queue(NotificationEvent.REVIEW_REQUESTED, "delegated:" + logged.id(), List.of(delegatee),
				change.stage.assetId(), change.stage.versionId(), review.getId(),
				"Please review: " + review.getName() + " (handed over from " + reviewer + ")");
		return view(this.stages.get(stageId));
	}

	// who may change the stage, and whether it can still change
	private Change begin(String stageId, String reason) {
		CurrentUser user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication());
		ReviewStage visible = this.stages.find(stageId)
			.orElseThrow(() -> new NotFoundException("No review stage " + stageId + " in your projects"));
		Asset asset;
		try {
			asset = this.access.visibleAsset(visible.assetId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("No review stage " + stageId + " in your projects");
		}
		Project project = this.projects.findById(asset.projectId()).orElseThrow();
		if (!user.seesAllProjects() && !this.projects.hasRole(project.id(), user.id(), ProjectRole.PRODUCER)) {
			throw new ForbiddenException(
					"Only the producers of " + project.code() + " and creative-ops change who reviews its work.");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("Say why: a reason is required for every change to a review stage.");
		}
		if (reason.length() > 2000) {
			throw new InvalidRequestException("The reason is too long: at most 2000 characters.");
		}
		// locked: the stage cannot settle while it changes
		ReviewStage stage = this.stages.lock(stageId).orElseThrow();
		if (stage.outcome() != null) {
			throw new ConflictException("The " + stage.stage() + " stage settled (" + stage.outcome()
					+ "): only a running stage's reviewers can change.");
		}
		if (!this.system.call(() -> this.running.reviewsRunning(stageId))) {
			throw reviewsClosed();
		}
		List<String> reviewers = this.system.call(() -> this.running.reviewers(stageId));
		StageRule rule = StageRule.of(stage.decisionRule(), stage.quorum(), stage.primaryReviewer());
		return new Change(user, project, stage, rule, reviewers, this.approvals.votes(stage.id()));
	}

	private String member(Change change, String userId, String field) {
		if (userId == null || userId.isBlank()) {
			throw new InvalidRequestException("Name the reviewer: '" + field + "' is required.");
		}
		String id = userId.trim();
		if (!this.projects.isMember(change.project.id(), id)) {
			throw new InvalidRequestException(id + " is not a member of project " + change.project.code()
					+ ": only its members review its work. Add them to the project first.");
		}
		return id;
	}

	private String reviewer(Change change, String userId, String field) {
		if (userId == null || userId.isBlank()) {
			throw new InvalidRequestException("Name the reviewer: '" + field + "' is required.");
		}
		String id = userId.trim();
		if (!change.reviewers.contains(id)) {
			throw new InvalidRequestException(
					id + " does not review this stage; its reviewers are " + change.reviewers + ".");
		}
		if (change.votes.stream().anyMatch(vote -> vote.reviewer().equals(id))) {
			throw new ConflictException(id + " has decided already: a decision on record stays counted.");
		}
		return id;
	}

	private Task openReview(Change change, String reviewer) {
		return this.system.call(() -> this.running.openReview(change.stage.id(), reviewer))
			.orElseThrow(() -> new ConflictException(reviewer + " has no open review in this stage now"
					+ ((change.rule.rule() == DecisionRule.SEQUENTIAL) ? ": their turn has not come yet." : ".")));
	}

	// the engine checks no authorizations here (Greenlight checked the producer); a
	// reviewer deciding at the same moment makes the change fail as a conflict, whole
	private <T> T engine(Supplier<T> work) {
		try {
			return this.system.call(work);
		}
		catch (OptimisticLockingException ex) {
			throw new ConcurrentChangeException(
					"The stage changed while you changed it (a reviewer decided): look at it "
							+ "again and repeat the change if it still makes sense.");
		}
	}

	private static ConflictException reviewsClosed() {
		return new ConflictException("The reviews of this stage are over: its outcome is being settled or a "
				+ "producer is resolving conflicting feedback.");
	}

	private ReviewStageView view(ReviewStage stage) {
		List<String> reviewers = List.of(stage.reviewers().split(","));
		List<Vote> votes = this.approvals.votes(stage.id());
		List<String> waiting = (stage.outcome() != null) ? List.of()
				: reviewers.stream().filter(r -> votes.stream().noneMatch(v -> v.reviewer().equals(r))).toList();
		return new ReviewStageView(stage.id(), stage.versionId(), stage.stage(), stage.decisionRule(), stage.quorum(),
				stage.primaryReviewer(), reviewers, votes, waiting, stage.dueAt(), stage.openedAt(), stage.outcome(),
				stage.resolvedBy(), stage.resolutionComment(), stage.settledAt(), stage.outcome() == null,
				stage.routingTableId(), stage.routingTableVersion(), stage.reviewProcessVersion());
	}

	private record Change(CurrentUser user, Project project, ReviewStage stage, StageRule rule, List<String> reviewers,
			List<Vote> votes) {
	}

}
