package io.greenlight.approval.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetType;
import io.greenlight.asset.Channel;
import io.greenlight.asset.NewBrief;
import io.greenlight.asset.NewVersion;
import io.greenlight.support.EngineUsers;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.greenlight.approval.process.StakeholderReviewProcess.BOUNDARY_EVENT_REMINDER_AFTER_DUE;
import static io.greenlight.approval.process.StakeholderReviewProcess.BOUNDARY_EVENT_REMINDER_BEFORE_DUE;
import static io.greenlight.approval.process.StakeholderReviewProcess.BOUNDARY_EVENT_REVIEW_DUE;
import static io.greenlight.approval.process.StakeholderReviewProcess.BOUNDARY_EVENT_REVIEW_OVERDUE;
import static io.greenlight.approval.process.StakeholderReviewProcess.END_EVENT_CONFLICT_RESOLVED;
import static io.greenlight.approval.process.StakeholderReviewProcess.END_EVENT_STAGE_SETTLED;
import static io.greenlight.approval.process.StakeholderReviewProcess.PROCESS_ID;
import static io.greenlight.approval.process.StakeholderReviewProcess.USER_TASK_CHASE_OVERDUE_REVIEW;
import static io.greenlight.approval.process.StakeholderReviewProcess.USER_TASK_RESOLVE_CONFLICTING_FEEDBACK;
import static io.greenlight.approval.process.StakeholderReviewProcess.USER_TASK_REVIEW_ASSET;
import static io.greenlight.approval.process.StakeholderReviewProcess.USER_TASK_REVIEW_ASSET_IN_TURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every rule, the conflict path, every timer and the escalation of
 * {@code processes/StakeholderReviewProcess.bpmn} on the real engine with the real beans
 * and Greenlight's tables. Jobs are run by the test; timers fire only once the engine's
 * clock has been moved past their date.
 */
@SpringBootTest
class StakeholderReviewProcessTests {

	// a Tuesday, 10:00 UTC (the test calendar is UTC, weekends off, 18:00 end of day)
	private static final Instant TUESDAY_MORNING = Instant.parse("2026-12-01T10:00:00Z");

	private static final String PROJECT = "STAGE-RULES";

	private final ProcessEngine engine;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final AssetService assets;

	private final JdbcClient jdbc;

	private final RunningReviewStages running;

	private final ProjectRepository projects;

	@Autowired
	StakeholderReviewProcessTests(ProcessEngine engine, AssetService assets, JdbcClient jdbc,
			RunningReviewStages running, ProjectRepository projects) {
		this.running = running;
		this.projects = projects;
		this.engine = engine;
		this.runtimeService = engine.getRuntimeService();
		this.taskService = engine.getTaskService();
		this.managementService = engine.getManagementService();
		this.identityService = engine.getIdentityService();
		this.assets = assets;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void setUp() {
		init(this.engine);
		ClockUtil.setCurrentTime(Date.from(TUESDAY_MORNING));
		aProjectWithThreeReviewers();
	}

	// stage reviewers are always members of the asset's project; the demo project has two
	private void aProjectWithThreeReviewers() {
		if (this.projects.findByCode(PROJECT).isPresent()) {
			return;
		}
		Project project = this.projects.createProject(this.projects.createClient("Stage rules"), PROJECT,
				"Stage rules");
		this.projects.addMember(project.id(), "producer", ProjectRole.PRODUCER);
		this.projects.addMember(project.id(), "creative", ProjectRole.CREATIVE);
		for (String reviewer : List.of("reviewer1", "reviewer2", "reviewer3")) {
			this.projects.addMember(project.id(), reviewer, ProjectRole.REVIEWER);
		}
		this.projects.addMember(project.id(), "client", ProjectRole.CLIENT_REVIEWER);
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		this.identityService.clearAuthentication();
	}

	@Test
	void underAllEveryReviewerDecidesAndTheStageCarriesTheDueDate() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");

		// every reviewer has a task due in two business days, at the end of the day
		List<Task> tasks = openReviews(stage);
		assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("reviewer1", "reviewer2");
		assertThat(tasks).allSatisfy(task -> {
			assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-03T18:00:00Z")));
			assertThat(task.getName()).isEqualTo("Internal review: " + stage.about);
		});

		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).isNotEnded();
		decide(stage, "reviewer2", "APPROVED_WITH_CHANGES", "Tighten the end card");
		executeJobs(stage);

		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:APPROVED_WITH_CHANGES");
	}

	@Test
	void aDecisionCountsWhenTheEngineFinishesItsReviewNotBefore() {
		// both reviewers decided before the engine finished either review (each finishes
		// in a job of its own after the task): as when the second decision commits while
		// the first review's job runs
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		decide(stage, "reviewer1", "APPROVED", null);
		decide(stage, "reviewer2", "APPROVED", null);
		List<Job> finishing = this.managementService.createJobQuery()
			.processInstanceId(stage.instance.getId())
			.messages()
			.list();
		assertThat(finishing).hasSize(2);

		// the first review's job does not end the other review on the strength of its
		// decision: that review's own job is left to count it
		this.managementService.executeJob(finishing.get(0).getId());
		assertThat(stage.instance).isNotEnded();
		assertThat(this.managementService.createJobQuery().jobId(finishing.get(1).getId()).count()).isEqualTo(1);

		this.managementService.executeJob(finishing.get(1).getId());
		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:APPROVED");
	}

	@Test
	void underAnyTheFirstDecisionSettlesAndTheOtherReviewsAreWithdrawn() {
		Stage stage = start("ANY", null, null, 1, "reviewer1", "reviewer2", "reviewer3");

		decide(stage, "reviewer2", "CHANGES_REQUESTED", "Wrong logo");
		executeJobs(stage);

		assertThat(stage.instance).isEnded();
		assertThat(openReviews(stage)).isEmpty();
		assertThat(outcome(stage)).isEqualTo("ANY:CHANGES_REQUESTED");
		assertThat(this.assets.get(stage.assetId).status()).isEqualTo(AssetStatus.CHANGES_REQUESTED);
	}

	@Test
	void underPrimaryOnlyThePrimaryReviewersDecisionSettlesTheStage() {
		Stage stage = start("PRIMARY", null, "client", 3, "client", "reviewer1", "reviewer2");

		// an adviser's request for changes is recorded but settles nothing
		decide(stage, "reviewer1", "CHANGES_REQUESTED", "I would shorten it");
		executeJobs(stage);
		assertThat(stage.instance).isNotEnded();
		assertThat(openReviews(stage)).extracting(Task::getAssignee).containsExactlyInAnyOrder("client", "reviewer2");

		decide(stage, "client", "APPROVED", null);
		executeJobs(stage);

		assertThat(stage.instance).isEnded();
		assertThat(outcome(stage)).isEqualTo("PRIMARY:APPROVED");
		assertThat(decisions(stage)).containsExactly("reviewer1:CHANGES_REQUESTED", "client:APPROVED");
	}

	@Test
	void underQuorumNApprovalsSettleTheStage() {
		Stage stage = start("QUORUM", 2, null, 2, "reviewer1", "reviewer2", "reviewer3");

		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).isNotEnded();
		decide(stage, "reviewer3", "APPROVED", null);
		executeJobs(stage);

		assertThat(stage.instance).isEnded();
		assertThat(openReviews(stage)).isEmpty();
		assertThat(outcome(stage)).isEqualTo("QUORUM:APPROVED");
	}

	@Test
	void underQuorumAQuorumOutOfReachRequestsChanges() {
		Stage stage = start("QUORUM", 2, null, 2, "reviewer1", "reviewer2", "reviewer3");

		decide(stage, "reviewer1", "CHANGES_REQUESTED", "Too dark");
		executeJobs(stage);
		assertThat(stage.instance).isNotEnded();
		decide(stage, "reviewer2", "NOT_RELEVANT", null);
		executeJobs(stage);

		assertThat(stage.instance).isEnded();
		assertThat(outcome(stage)).isEqualTo("QUORUM:CHANGES_REQUESTED");
	}

	@Test
	void aQuorumLargerThanTheStageDoesNotStart() {
		assertThatThrownBy(() -> start("QUORUM", 3, null, 2, "reviewer1", "reviewer2"))
			.hasMessageContaining("A quorum of 3 needs at least 3 reviewers");
	}

	@Test
	void underSequentialReviewersDecideInTurnAndChangesStopTheChain() {
		Stage stage = start("SEQUENTIAL", null, null, 3, "reviewer1", "reviewer2", "reviewer3");

		assertThat(openReviews(stage)).extracting(Task::getAssignee, Task::getTaskDefinitionKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("reviewer1", USER_TASK_REVIEW_ASSET_IN_TURN));
		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);
		assertThat(openReviews(stage)).extracting(Task::getAssignee).containsExactly("reviewer2");
		decide(stage, "reviewer2", "CHANGES_REQUESTED", "Music too loud");
		executeJobs(stage);

		// reviewer3 never gets a task
		assertThat(stage.instance).isEnded();
		assertThat(outcome(stage)).isEqualTo("SEQUENTIAL:CHANGES_REQUESTED");
		assertThat(decisions(stage)).containsExactly("reviewer1:APPROVED", "reviewer2:CHANGES_REQUESTED");
	}

	@Test
	void disagreeingReviewersGoToAProducerWhoseResolutionIsTheOutcome() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		decide(stage, "reviewer1", "APPROVED", "Love it");
		decide(stage, "reviewer2", "CHANGES_REQUESTED", "Logo too small");
		executeJobs(stage);

		assertThat(stage.instance).isWaitingAt(USER_TASK_RESOLVE_CONFLICTING_FEEDBACK);
		Task conflict = taskAt(stage, USER_TASK_RESOLVE_CONFLICTING_FEEDBACK);
		assertThat(this.taskService.getVariableLocal(conflict.getId(), "feedbackSummary"))
			.isEqualTo("reviewer1: APPROVED \u2014 Love it\nreviewer2: CHANGES_REQUESTED \u2014 Logo too small");
		assertThat(notifications(stage, "CONFLICT_TO_RESOLVE")).containsExactly("producer");

		// changes need a comment, also from a producer
		assertThatThrownBy(() -> resolve(conflict, "CHANGES_REQUESTED", " "))
			.hasMessageContaining("a comment is required");
		resolve(conflict, "APPROVED_WITH_CHANGES", "Approve; enlarge the logo in the final");

		assertThat(stage.instance).hasPassed(END_EVENT_CONFLICT_RESOLVED).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:APPROVED_WITH_CHANGES:producer");
	}

	@Test
	void silentReviewersAreRemindedBeforeAtAndAfterTheDueDate() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);

		// nothing is due on Tuesday morning; due is Thursday 18:00, reminders 4 h before
		// and 24 h after it (application.yaml defaults)
		assertThat(dueTimers(stage)).isEmpty();
		fireTimerAt(stage, BOUNDARY_EVENT_REMINDER_BEFORE_DUE, "2026-12-03T14:00:00Z");
		assertThat(notifications(stage, "REMINDER")).containsExactly("reviewer2");
		fireTimerAt(stage, BOUNDARY_EVENT_REVIEW_DUE, "2026-12-03T18:00:00Z");
		fireTimerAt(stage, BOUNDARY_EVENT_REMINDER_AFTER_DUE, "2026-12-04T18:00:00Z");

		// only the silent reviewer hears, once per reminder; the stage still waits
		assertThat(notifications(stage, "REMINDER")).containsExactly("reviewer2", "reviewer2", "reviewer2");
		assertThat(stage.instance).isWaitingAt(StakeholderReviewProcess.SUB_PROCESS_REVIEWS);
	}

	@Test
	void aReminderBeforeTheDueDateIsSkippedWhenTheStageIsShorterThanItsOffset() {
		// Tuesday 17:00, due the same day at 18:00: "4 hours before" has passed already
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T17:00:00Z")));
		Stage stage = start("ALL", null, null, 0, "reviewer1");

		Job beforeDue = this.managementService.createJobQuery()
			.processInstanceId(stage.instance.getId())
			.activityId(BOUNDARY_EVENT_REMINDER_BEFORE_DUE)
			.singleResult();
		assertThat(dueTimers(stage)).containsExactly(beforeDue.getId());
		this.managementService.executeJob(beforeDue.getId());

		assertThat(notifications(stage, "REMINDER")).isEmpty();
	}

	@Test
	void anOverdueStageIsEscalatedToTheProducersWhoChaseTheSilentReviewers() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		decide(stage, "reviewer2", "APPROVED", null);
		executeJobs(stage);

		// 48 h after the due date (application.yaml default)
		fireTimerAt(stage, BOUNDARY_EVENT_REVIEW_OVERDUE, "2026-12-05T18:00:00Z");

		assertThat(notifications(stage, "OVERDUE_ESCALATION")).containsExactly("producer");
		Task chase = taskAt(stage, USER_TASK_CHASE_OVERDUE_REVIEW);
		assertThat(chase.getName()).isEqualTo("Chase overdue review: " + stage.about);
		assertThatThrownBy(() -> complete("producer", chase, Map.of("chaseNote", " ")))
			.hasMessageContaining("Write the reviewers a note");
		complete("producer", chase, Map.of("chaseNote", "Please decide today, the client waits"));
		assertThat(notifications(stage, "REMINDER")).containsExactly("reviewer1");

		// when the silent reviewer decides, the stage settles
		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:APPROVED");
	}

	@Test
	void anOverdueStageWithABackupGroupHandsTheSilentReviewsToThatGroup() {
		Stage stage = start("ALL", null, null, 2, "creative-ops", List.of("reviewer1", "reviewer2"));
		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);

		fireTimerAt(stage, BOUNDARY_EVENT_REVIEW_OVERDUE, "2026-12-05T18:00:00Z");

		// no chase task: reviewer2's review waits unassigned for creative-ops (or
		// reviewer2)
		assertThat(taskAt(stage, USER_TASK_CHASE_OVERDUE_REVIEW)).isNull();
		assertThat(notifications(stage, "OVERDUE_ESCALATION")).containsExactly("producer");
		assertThat(notifications(stage, "REMINDER")).containsExactly("ops");
		Task open = openReviews(stage).get(0);
		assertThat(open.getAssignee()).isNull();
		assertThat(this.taskService.createTaskQuery().taskId(open.getId()).taskCandidateGroup("creative-ops").count())
			.isOne();
		assertThat(this.taskService.createTaskQuery().taskId(open.getId()).taskCandidateUser("reviewer2").count())
			.isOne();

		// and when ops takes it over and decides, the stage settles
		this.taskService.claim(open.getId(), "ops");
		decide(stage, "ops", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).isEnded();
		assertThat(decisions(stage)).containsExactly("reviewer1:APPROVED", "ops:APPROVED");
	}

	@Test
	void aReviewTaskWhoseVariablesNameAnotherVersionRecordsNothing() {
		// given reviewer1's review task, its version rewritten past every API (no
		// signed-in user), as a faulty workflow could
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		Stage other = start("ALL", null, null, 2, "reviewer1");
		Task review = openReviews(stage).stream()
			.filter(task -> "reviewer1".equals(task.getAssignee()))
			.findFirst()
			.orElseThrow();
		this.taskService.setVariableLocal(review.getId(), "assetVersionId", other.versionId);

		// when reviewer1 decides, the decision is refused: the task's stage on record is
		// about another version
		assertThatThrownBy(() -> decide(stage, "reviewer1", "APPROVED", null))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("its assetVersionId is " + other.versionId + ", but its stage on record is about "
					+ stage.versionId);

		// and nothing is recorded on either version; the task stays open
		assertThat(decisions(stage)).isEmpty();
		assertThat(decisions(other)).isEmpty();
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
	}

	@Test
	void aReviewIsDecidedByItsReviewerOnly() {
		// given reviewer1's review, handed to reviewer2 past Greenlight's API
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		Task review = openReviews(stage).stream()
			.filter(task -> "reviewer1".equals(task.getAssignee()))
			.findFirst()
			.orElseThrow();
		this.taskService.setAssignee(review.getId(), "reviewer3");

		// when the new assignee, who reviews nothing in this stage, decides: refused
		assertThatThrownBy(() -> decide(stage, "reviewer3", "APPROVED", null))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("reviewer3 does not review this stage");

		// and nothing is recorded
		assertThat(decisions(stage)).isEmpty();
	}

	@Test
	void aStageThatSettlesEndsAnOpenChaseTask() {
		Stage stage = start("ALL", null, null, 2, "reviewer1");
		fireTimerAt(stage, BOUNDARY_EVENT_REVIEW_OVERDUE, "2026-12-05T18:00:00Z");
		assertThat(taskAt(stage, USER_TASK_CHASE_OVERDUE_REVIEW)).isNotNull();

		decide(stage, "reviewer1", "APPROVED", null);
		executeJobs(stage);

		assertThat(stage.instance).isEnded();
		assertThat(this.taskService.createTaskQuery().processInstanceId(stage.instance.getId()).count()).isZero();
	}

	@Test
	void aReviewerAddedToARunningQuorumStageCountsTowardsTheQuorum() {
		Stage stage = start("QUORUM", 2, null, 2, "reviewer1", "reviewer2");
		String id = stage.instance.getId();

		assertThat(this.running.add(id, "reviewer3", List.of("reviewer1", "reviewer2", "reviewer3"))).isTrue();
		assertThat(openReviews(stage)).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("reviewer1", "reviewer2", "reviewer3");

		// with two reviewers this request for changes would have put the quorum out of
		// reach; with three, two approvals can still settle it
		decide(stage, "reviewer1", "CHANGES_REQUESTED", "Too long");
		executeJobs(stage);
		assertThat(stage.instance).isNotEnded();
		decide(stage, "reviewer2", "APPROVED", null);
		decide(stage, "reviewer3", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("QUORUM:APPROVED");
	}

	@Test
	void aDelegatedPrimaryReviewHandsThePrimaryRoleOver() {
		Stage stage = start("PRIMARY", null, "client", 2, "client", "reviewer1");
		String id = stage.instance.getId();
		Task review = this.running.openReview(id, "client").orElseThrow();

		this.running.delegate(id, review, "reviewer3", List.of("reviewer3", "reviewer1"), "reviewer3");

		assertThat(this.running.openReview(id, "client")).isEmpty();
		assertThat(this.running.openReview(id, "reviewer3")).isPresent();
		decide(stage, "reviewer3", "APPROVED_WITH_CHANGES", "Brighter end card");
		executeJobs(stage);
		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("PRIMARY:APPROVED_WITH_CHANGES");
		assertThat(decisions(stage)).containsExactly("reviewer3:APPROVED_WITH_CHANGES");
	}

	@Test
	void aRemovedReviewerIsNoLongerWaitedForUnderAll() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2", "reviewer3");
		String id = stage.instance.getId();
		Task review = this.running.openReview(id, "reviewer3").orElseThrow();

		this.running.remove(id, review, List.of("reviewer1", "reviewer2"), false);

		assertThat(openReviews(stage)).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("reviewer1", "reviewer2");
		decide(stage, "reviewer1", "APPROVED", null);
		decide(stage, "reviewer2", "APPROVED", null);
		executeJobs(stage);
		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:APPROVED");
	}

	@Test
	void removingTheLastSilentReviewerSettlesTheStageAtOnce() {
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");
		String id = stage.instance.getId();
		decide(stage, "reviewer1", "CHANGES_REQUESTED", "Wrong logo");
		executeJobs(stage);
		Task review = this.running.openReview(id, "reviewer2").orElseThrow();

		this.running.remove(id, review, List.of("reviewer1"), true);

		assertThat(stage.instance).hasPassed(END_EVENT_STAGE_SETTLED).isEnded();
		assertThat(outcome(stage)).isEqualTo("ALL:CHANGES_REQUESTED");
	}

	@Test
	void aStageRecordsTheVersionItRunsOnAndNoRoutingTableWhenNoneRoutedIt() {
		// started as a workflow of one's own calls it: rule and reviewers given, not
		// routed
		Stage stage = start("ALL", null, null, 2, "reviewer1", "reviewer2");

		int version = this.engine.getRepositoryService()
			.getProcessDefinition(stage.instance.getProcessDefinitionId())
			.getVersion();
		assertThat(this.jdbc
			.sql("SELECT routing_table_id, routing_table_version, review_process_version FROM review_stage "
					+ "WHERE id = ?")
			.param(stage.instance.getId())
			.query((rs, row) -> rs.getString(1) + ":" + rs.getObject(2) + ":" + rs.getInt(3))
			.single()).isEqualTo("null:null:" + version);
	}

	/**
	 * @param about what its tasks' names end with: the title, version and reference
	 */
	private record Stage(ProcessInstance instance, String assetId, String versionId, String about) {
	}

	private Stage start(String rule, Integer quorum, String primary, int dueBusinessDays, String... reviewers) {
		return start(rule, quorum, primary, dueBusinessDays, null, List.of(reviewers));
	}

	private Stage start(String rule, Integer quorum, String primary, int dueBusinessDays, String backupGroup,
			List<String> reviewers) {
		String title = "Stage " + UUID.randomUUID().toString().substring(0, 8);
		Asset asset = this.assets.registerBrief(
				new NewBrief(title, PROJECT, AssetType.VIDEO, Channel.WEB, LocalDate.of(2030, 1, 31), "A spot"),
				"producer", null);
		String assetId = asset.id();
		String versionId = this.assets
			.registerVersion(assetId, new NewVersion("First cut", null, null, null), "creative")
			.id();
		Map<String, Object> variables = new HashMap<>();
		variables.put("assetId", assetId);
		variables.put("assetVersionId", versionId);
		variables.put("productionStage", "INTERNAL_REVIEW");
		variables.put("reviewers", String.join(",", reviewers));
		variables.put("decisionRule", rule);
		variables.put("quorum", quorum);
		variables.put("primaryReviewer", primary);
		variables.put("dueBusinessDays", dueBusinessDays);
		variables.put("backupGroup", backupGroup);
		// the production's business key, which the call activity passes on
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(PROCESS_ID, asset.reference(),
				variables);
		return new Stage(instance, assetId, versionId, title + " v1 (" + asset.reference() + ")");
	}

	private List<Task> openReviews(Stage stage) {
		return this.taskService.createTaskQuery()
			.processInstanceId(stage.instance.getId())
			.taskDefinitionKeyIn(USER_TASK_REVIEW_ASSET, USER_TASK_REVIEW_ASSET_IN_TURN)
			.list();
	}

	private Task taskAt(Stage stage, String activityId) {
		return this.taskService.createTaskQuery()
			.processInstanceId(stage.instance.getId())
			.taskDefinitionKey(activityId)
			.singleResult();
	}

	private void decide(Stage stage, String reviewer, String decision, String comment) {
		Task task = openReviews(stage).stream()
			.filter(review -> reviewer.equals(review.getAssignee()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(reviewer + " has no open review"));
		Map<String, Object> variables = new HashMap<>();
		variables.put("decision", decision);
		variables.put("decisionComment", comment);
		complete(reviewer, task, variables);
	}

	private void resolve(Task conflict, String resolution, String comment) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("resolution", resolution);
		variables.put("resolutionComment", comment);
		complete("producer", conflict, variables);
	}

	private void complete(String user, Task task, Map<String, Object> variables) {
		EngineUsers.authenticate(this.identityService, user, List.of(switch (user) {
			case "producer" -> "producers";
			case "ops" -> "creative-ops";
			default -> "reviewers";
		}));
		try {
			this.taskService.complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** Moves the engine clock to the time given and fires the timer that is then due. */
	private void fireTimerAt(Stage stage, String boundaryEvent, String time) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(stage.instance.getId())
			.activityId(boundaryEvent)
			.singleResult();
		assertThat(timer).as("timer of %s", boundaryEvent).isNotNull();
		assertThat(dueTimers(stage)).as("nothing due before the clock moves").doesNotContain(timer.getId());
		ClockUtil.setCurrentTime(Date.from(Instant.parse(time)));
		assertThat(dueTimers(stage)).contains(timer.getId());
		this.managementService.executeJob(timer.getId());
	}

	private List<String> dueTimers(Stage stage) {
		return this.managementService.createJobQuery()
			.processInstanceId(stage.instance.getId())
			.timers()
			.executable()
			.list()
			.stream()
			.map(Job::getId)
			.toList();
	}

	private void executeJobs(Stage stage) {
		List<Job> jobs = this.managementService.createJobQuery()
			.processInstanceId(stage.instance.getId())
			.messages()
			.list();
		while (!jobs.isEmpty()) {
			this.managementService.executeJob(jobs.get(0).getId());
			jobs = this.managementService.createJobQuery().processInstanceId(stage.instance.getId()).messages().list();
		}
	}

	private String outcome(Stage stage) {
		return this.jdbc.sql("SELECT decision_rule, outcome, resolved_by FROM review_stage WHERE id = ?")
			.param(stage.instance.getId())
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2)
					+ ((rs.getString(3) != null) ? ":" + rs.getString(3) : ""))
			.single();
	}

	private List<String> decisions(Stage stage) {
		return this.jdbc.sql("SELECT decided_by, decision FROM decision WHERE version_id = ? ORDER BY decided_at, id")
			.param(stage.versionId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	private List<String> notifications(Stage stage, String event) {
		return this.jdbc
			.sql("SELECT recipient FROM notification WHERE asset_id = ? AND event = ? ORDER BY created_at, recipient")
			.params(stage.assetId, event)
			.query(String.class)
			.list();
	}

}
