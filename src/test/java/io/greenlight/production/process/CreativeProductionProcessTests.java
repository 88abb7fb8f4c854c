package io.greenlight.production.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.VersionStatus;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.support.EngineUsers;
import io.greenlight.project.NotAProjectOfYoursException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.greenlight.production.process.CreativeProductionProcess.END_EVENT_BRIEF_RETURNED;
import static io.greenlight.production.process.CreativeProductionProcess.END_EVENT_DELIVERED;
import static io.greenlight.production.process.CreativeProductionProcess.END_EVENT_PRODUCTION_STOPPED;
import static io.greenlight.production.process.CreativeProductionProcess.PROCESS_ID;
import static io.greenlight.production.process.CreativeProductionProcess.SERVICE_TASK_NOTIFY_ASSET_DELIVERED;
import static io.greenlight.production.process.CreativeProductionProcess.SERVICE_TASK_NOTIFY_BRIEF_RETURNED;
import static io.greenlight.production.process.CreativeProductionProcess.SERVICE_TASK_NOTIFY_CHANGES_REQUESTED;
import static io.greenlight.production.process.CreativeProductionProcess.USER_TASK_APPROVE_BRIEF;
import static io.greenlight.production.process.CreativeProductionProcess.USER_TASK_CONFIRM_ANOTHER_ROUND;
import static io.greenlight.production.process.CreativeProductionProcess.CALL_ACTIVITY_CLIENT_REVIEW;
import static io.greenlight.production.process.CreativeProductionProcess.CALL_ACTIVITY_INTERNAL_REVIEW;
import static io.greenlight.production.process.CreativeProductionProcess.USER_TASK_PRODUCE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

/**
 * Every path of {@code processes/CreativeProductionProcess.bpmn} on the real engine with
 * the real delegates and Greenlight's tables (the BPMN as deployed at startup). Jobs are
 * run by the test, one async boundary at a time, so each savepoint is visible.
 */
@SpringBootTest
class CreativeProductionProcessTests {

	private static final String CATCH_ALL_INTERNAL_RULE_ALL = "<dmn:outputEntry id=\"LiteralExpression_Rule7_DecisionRule\">"
			+ "<dmn:text>\"ALL\"</dmn:text>";

	private static final String CATCH_ALL_INTERNAL_RULE_ANY = CATCH_ALL_INTERNAL_RULE_ALL.replace("ALL", "ANY");

	private final ProcessEngine engine;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final ManagementService managementService;

	private final AssetService assets;

	private final JdbcClient jdbc;

	@Autowired
	CreativeProductionProcessTests(ProcessEngine engine, AssetService assets, JdbcClient jdbc) {
		this.engine = engine;
		this.runtimeService = engine.getRuntimeService();
		this.identityService = engine.getIdentityService();
		this.managementService = engine.getManagementService();
		this.assets = assets;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void initAssertions() {
		init(this.engine);
	}

	@AfterEach
	void signOut() {
		this.identityService.clearAuthentication();
	}

	@Test
	void producerReturnsTheBrief() {
		// given
		ProcessInstance production = startProduction("Returned brief");
		assertThat(production).isWaitingAt(USER_TASK_APPROVE_BRIEF);

		// when
		as("producer", "producers", () -> completeBrief(production, "RETURNED", "Missing the target audience"));

		// then
		assertThat(production).isWaitingAt(SERVICE_TASK_NOTIFY_BRIEF_RETURNED);
		executeJobs(production);
		assertThat(production).hasPassed(SERVICE_TASK_NOTIFY_BRIEF_RETURNED).isEnded();
		assertThat(production).hasPassed(END_EVENT_BRIEF_RETURNED);
		Asset asset = asset(production);
		assertThat(asset.status()).isEqualTo(AssetStatus.BRIEF_RETURNED);
		assertThat(decisions(asset.id())).containsExactly("BRIEF:RETURNED:producer");
		assertThat(notifications(asset.id(), "BRIEF_RETURNED")).containsExactly("producer");
	}

	@Test
	void returningABriefWithoutSayingWhatIsMissingIsRefused() {
		ProcessInstance production = startProduction("Brief without comment");

		assertThatThrownBy(() -> as("producer", "producers", () -> completeBrief(production, "RETURNED", " ")))
			.hasMessageContaining("a comment is required when you return a brief");

		assertThat(production).isWaitingAt(USER_TASK_APPROVE_BRIEF);
		assertThat(decisions(asset(production).id())).isEmpty();
	}

	@Test
	void everyoneApprovesTheFirstVersion() {
		// given
		ProcessInstance production = startProduction("Approved first time");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));

		// when
		produceVersion(production, "First cut");
		review(production, "reviewer1", "APPROVED", null);
		review(production, "reviewer2", "APPROVED_WITH_CHANGES", "Tighten the end card");
		executeJobs(production);
		assertThat(production).isWaitingAt(CALL_ACTIVITY_CLIENT_REVIEW);
		assertThat(reviewTask(production, "client"))
			.hasName(named(production, "Client review: Approved first time v1"));
		review(production, "client", "APPROVED", null);
		executeJobs(production);

		// then
		assertThat(production).hasPassed(SERVICE_TASK_NOTIFY_ASSET_DELIVERED, END_EVENT_DELIVERED).isEnded();
		Asset asset = asset(production);
		assertThat(asset.status()).isEqualTo(AssetStatus.DELIVERED);
		AssetVersion v1 = this.assets.versions(asset.id()).get(0);
		assertThat(v1.status()).isEqualTo(VersionStatus.APPROVED);
		assertThat(v1.locked()).isTrue();
		assertThat(asset.approvedVersionId()).isEqualTo(v1.id());
		assertThat(decisions(asset.id())).containsExactly("BRIEF:APPROVED:producer",
				"INTERNAL_REVIEW:APPROVED:reviewer1", "INTERNAL_REVIEW:APPROVED_WITH_CHANGES:reviewer2",
				"CLIENT_REVIEW:APPROVED:client");
		assertThat(notifications(asset.id(), "ASSET_DELIVERED")).containsExactlyInAnyOrder("producer", "client");
		assertThat(stages(asset.id())).containsExactly("INTERNAL_REVIEW:ALL:APPROVED_WITH_CHANGES",
				"CLIENT_REVIEW:PRIMARY:APPROVED");
	}

	@Test
	void internalReviewersDisagreeTheProducerRequestsChangesAndVersionTwoIsApproved() {
		// given a web video: the routing table sends it to both internal reviewers
		// under ALL
		ProcessInstance production = startProduction("Internal changes");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
		produceVersion(production, "First cut");

		// when one approves and the other requests changes
		review(production, "reviewer1", "APPROVED", null);
		review(production, "reviewer2", "CHANGES_REQUESTED", "Logo too small at 0:12");
		assertThat(production).isWaitingAt(CALL_ACTIVITY_INTERNAL_REVIEW); // the async
																			// continuations
		executeJobs(production);

		// then the producers are asked to resolve it, seeing both sides
		Task conflict = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.taskDefinitionKey(StakeholderReviewProcess.USER_TASK_RESOLVE_CONFLICTING_FEEDBACK)
			.singleResult();
		assertThat(conflict.getName())
			.isEqualTo(named(production, "Resolve conflicting feedback: Internal changes v1"));
		assertThat(this.engine.getTaskService().getVariableLocal(conflict.getId(), "feedbackSummary"))
			.isEqualTo("reviewer1: APPROVED\nreviewer2: CHANGES_REQUESTED \u2014 Logo too small at 0:12");
		assertThat(notifications(asset(production).id(), "CONFLICT_TO_RESOLVE")).containsExactly("producer");

		// and when the producer sides with the changes
		resolveConflict(production, "CHANGES_REQUESTED", "Bigger logo, keep the rest");
		assertThat(production).isWaitingAt(SERVICE_TASK_NOTIFY_CHANGES_REQUESTED);
		assertThat(asset(production).status()).isEqualTo(AssetStatus.CHANGES_REQUESTED);
		assertThat(stages(asset(production).id())).containsExactly("INTERNAL_REVIEW:ALL:CHANGES_REQUESTED:producer");
		executeJobs(production);
		assertThat(production).isWaitingAt(USER_TASK_PRODUCE_VERSION);
		assertThat(task(production)).hasName(named(production, "Produce version: Internal changes v2"));
		assertThat(notifications(asset(production).id(), "CHANGES_REQUESTED")).containsExactlyInAnyOrder("creative",
				"producer");

		// and when version 2 is approved by everyone
		produceVersion(production, "Bigger logo");
		assertThat(reviewTask(production, "reviewer1"))
			.hasName(named(production, "Internal review: Internal changes v2"));
		review(production, "reviewer1", "APPROVED", null);
		review(production, "reviewer2", "APPROVED", null);
		executeJobs(production);
		review(production, "client", "APPROVED", null);
		executeJobs(production);

		// then v2 is the approved, locked version and v1 is superseded
		assertThat(production).isEnded().hasPassed(END_EVENT_DELIVERED);
		Asset asset = asset(production);
		List<AssetVersion> versions = this.assets.versions(asset.id());
		assertThat(versions).extracting(AssetVersion::number, AssetVersion::status, AssetVersion::locked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, VersionStatus.SUPERSEDED, false),
					org.assertj.core.groups.Tuple.tuple(2, VersionStatus.APPROVED, true));
		assertThat(asset.approvedVersionId()).isEqualTo(versions.get(1).id());
		assertThat(asset.revisionRound()).isEqualTo(1);
	}

	@Test
	void afterTooManyRevisionRoundsAProducerDecidesWhetherToGoOn() {
		// given v1 to v4 all sent back (v4 is revision round 3, the configured limit)
		ProcessInstance production = startProduction("Endless changes");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
		for (int version = 1; version <= 4; version++) {
			assertThat(production).isNotWaitingAt(USER_TASK_CONFIRM_ANOTHER_ROUND);
			produceVersion(production, "Cut " + version);
			review(production, "reviewer1", "CHANGES_REQUESTED", "Still not it");
			review(production, "reviewer2", "CHANGES_REQUESTED", "Agreed");
			executeJobs(production);
		}

		// then a producer is asked, and may let the creative go on
		assertThat(production).isWaitingAt(USER_TASK_CONFIRM_ANOTHER_ROUND);
		assertThat(task(production)).hasName(named(production, "Confirm another round: Endless changes v5"));
		assertThat(this.engine.getTaskService().getVariableLocal(task(production).getId(), "revisionRounds"))
			.isEqualTo(3);
		as("producer", "producers", () -> completeAnotherRound(production, "CONTINUE", null));
		assertThat(production).isWaitingAt(USER_TASK_PRODUCE_VERSION);

		// and when v5 is sent back too, asked again, the producer stops it
		produceVersion(production, "Cut 5");
		review(production, "reviewer1", "CHANGES_REQUESTED", "No");
		review(production, "reviewer2", "CHANGES_REQUESTED", "No");
		executeJobs(production);
		assertThatThrownBy(() -> as("producer", "producers", () -> completeAnotherRound(production, "STOP", " ")))
			.hasMessageContaining("Say why the production stops");
		as("producer", "producers", () -> completeAnotherRound(production, "STOP", "Client rethinks the campaign"));

		assertThat(production).hasPassed(END_EVENT_PRODUCTION_STOPPED).isEnded();
		assertThat(asset(production).status()).isEqualTo(AssetStatus.STOPPED);
	}

	@Test
	void theClientRequestsChangesAfterInternalApproval() {
		// given
		ProcessInstance production = startProduction("Client changes");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
		produceVersion(production, "First cut");
		review(production, "reviewer1", "APPROVED", null);
		review(production, "reviewer2", "APPROVED", null);
		executeJobs(production);

		// when
		review(production, "client", "CHANGES_REQUESTED", "Use the summer palette");
		executeJobs(production);

		// then the creative revises and version 2 goes through internal review again
		assertThat(production).isWaitingAt(USER_TASK_PRODUCE_VERSION);
		assertThat(asset(production).status()).isEqualTo(AssetStatus.CHANGES_REQUESTED);
		produceVersion(production, "Summer palette");
		assertThat(production).isWaitingAt(CALL_ACTIVITY_INTERNAL_REVIEW);
		assertThat(asset(production).status()).isEqualTo(AssetStatus.IN_REVIEW);
		assertThat(decisions(asset(production).id())).contains("CLIENT_REVIEW:CHANGES_REQUESTED:client");
	}

	@Test
	void requestingChangesWithoutSayingWhatIsRefused() {
		ProcessInstance production = startProduction("Changes without comment");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
		produceVersion(production, "First cut");

		assertThatThrownBy(() -> review(production, "reviewer1", "CHANGES_REQUESTED", ""))
			.hasMessageContaining("a comment is required when you request changes");

		assertThat(reviewTask(production, "reviewer1")).isNotNull();
		assertThat(decisions(asset(production).id())).containsExactly("BRIEF:APPROVED:producer");
	}

	@Test
	void reviewersCannotWaveAVersionThroughAsNotRelevant() {
		ProcessInstance production = startProduction("Not relevant");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
		produceVersion(production, "First cut");

		review(production, "reviewer1", "NOT_RELEVANT", null);
		review(production, "reviewer2", "NOT_RELEVANT", null);
		executeJobs(production);

		// nobody approved: a producer decides, the version does not pass by itself
		assertThat(production).isWaitingAt(CALL_ACTIVITY_INTERNAL_REVIEW);
		Task conflict = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.taskDefinitionKey(StakeholderReviewProcess.USER_TASK_RESOLVE_CONFLICTING_FEEDBACK)
			.singleResult();
		assertThat(this.engine.getTaskService().getVariableLocal(conflict.getId(), "conflictReason").toString())
			.startsWith("Nobody approved and nobody requested changes");
		assertThat(asset(production).status()).isEqualTo(AssetStatus.IN_REVIEW);
	}

	@Test
	void aRoutingTableAndAReviewProcessDeployedWithoutTheProductionTakeEffectAtTheNextProjectProduction()
			throws IOException {
		// given a creative-ops lead deployed the routing table alone, its catch-all
		// internal row under ANY, and then an edited review process with its forms:
		// shared definitions, no tenant
		DecisionDefinition table = deployAlone("ReviewRoutingDecision.dmn",
				edited(Path.of("processes", "ReviewRoutingDecision.dmn"), CATCH_ALL_INTERNAL_RULE_ALL,
						CATCH_ALL_INTERNAL_RULE_ANY))
			.getDeployedDecisionDefinitions()
			.get(0);
		ProcessDefinition reviewProcess = deployAlone("StakeholderReviewProcess.bpmn",
				edited(Path.of("processes", "StakeholderReviewProcess.bpmn"), "name=\"Stakeholder review\"",
						"name=\"Stakeholder review (edited)\""),
				Path.of("forms", "ReviewAssetForm.form"), Path.of("forms", "ChaseOverdueReviewForm.form"),
				Path.of("forms", "ResolveConflictingFeedbackForm.form"))
			.getDeployedProcessDefinitions()
			.get(0);
		try {
			assertThat(table.getTenantId()).isNull();
			assertThat(reviewProcess.getTenantId()).isNull();

			// when a production of a project (its instance has the project's tenant) for
			// print, which the catch-all row routes, reaches internal review
			ProcessInstance production = startProduction("Shelf talker", "PRINT");
			assertThat(production.getTenantId()).isNotNull();
			as("producer", "producers", () -> completeBrief(production, "APPROVED", null));
			produceVersion(production, "First proof");

			// then the stage runs on the newest review process, routed by the newest
			// table, and its record says so
			ProcessInstance stage = this.runtimeService.createProcessInstanceQuery()
				.superProcessInstanceId(production.getId())
				.singleResult();
			assertThat(stage.getProcessDefinitionId()).isEqualTo(reviewProcess.getId());
			assertThat(stage.getTenantId()).isEqualTo(production.getTenantId());
			String routed = table.getId() + ":" + table.getVersion() + ":" + reviewProcess.getVersion();
			assertThat(stageDefinitions(asset(production).id())).containsExactly("INTERNAL_REVIEW:ANY:" + routed);

			// and the first decision settles it, as ANY does
			review(production, "reviewer1", "APPROVED", null);
			executeJobs(production);
			assertThat(production).isWaitingAt(CALL_ACTIVITY_CLIENT_REVIEW);
			review(production, "client", "APPROVED", null);
			executeJobs(production);
			assertThat(production).hasPassed(END_EVENT_DELIVERED).isEnded();
			assertThat(stageDefinitions(asset(production).id())).containsExactly("INTERNAL_REVIEW:ANY:" + routed,
					"CLIENT_REVIEW:ALL:" + routed);
		}
		finally {
			// the shared definitions as shipped again, as newer versions, for the
			// other tests
			deployTogether(Path.of("processes", "ReviewRoutingDecision.dmn"));
			deployTogether(Path.of("processes", "StakeholderReviewProcess.bpmn"),
					Path.of("forms", "ReviewAssetForm.form"), Path.of("forms", "ChaseOverdueReviewForm.form"),
					Path.of("forms", "ResolveConflictingFeedbackForm.form"));
		}
	}

	@Test
	void eachStageRecordsTheVersionsItRanWith() {
		ProcessInstance production = startProduction("Versions on record");
		as("producer", "producers", () -> completeBrief(production, "APPROVED", null));

		produceVersion(production, "First cut");

		DecisionDefinition table = this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(CreativeProductionProcess.DECISION_REVIEW_ROUTING)
			.latestVersion()
			.singleResult();
		ProcessDefinition reviewProcess = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(StakeholderReviewProcess.PROCESS_ID)
			.latestVersion()
			.singleResult();
		assertThat(stageDefinitions(asset(production).id())).containsExactly(
				"INTERNAL_REVIEW:ALL:" + table.getId() + ":" + table.getVersion() + ":" + reviewProcess.getVersion());
	}

	@Test
	void aBriefDueInThePastIsRefusedAsTasklistSubmitsIt() {
		Map<String, Object> brief = new java.util.HashMap<>(brief("Too late", "ACME-SUMMER"));
		brief.put("dueDate", "2020-01-31");

		assertThatThrownBy(() -> as("producer", "producers",
				() -> this.runtimeService.startProcessInstanceByKey(PROCESS_ID, brief)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("The due date 2020-01-31 is in the past");
	}

	@Test
	void aTitleLongerThanTheFormAllowsIsRefusedWithItsLength() {
		Map<String, Object> brief = new java.util.HashMap<>(brief("x".repeat(201), "ACME-SUMMER"));

		assertThatThrownBy(() -> as("producer", "producers",
				() -> this.runtimeService.startProcessInstanceByKey(PROCESS_ID, brief)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("The title is too long: 201 characters, at most 200");
	}

	@Test
	void aBriefForAnUnknownProjectStartsNothing() {
		long before = this.runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();

		assertThatThrownBy(() -> as("producer", "producers",
				() -> this.runtimeService.startProcessInstanceByKey(PROCESS_ID, brief("Nowhere", "NO-SUCH-PROJECT"))))
			.isInstanceOf(NotAProjectOfYoursException.class)
			.hasMessageContaining("No project with code 'NO-SUCH-PROJECT' among your projects");

		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
			.isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM asset WHERE title = 'Nowhere'").query(Integer.class).single())
			.isZero();
	}

	private ProcessInstance startProduction(String title) {
		return startProduction(title, "WEB");
	}

	private ProcessInstance startProduction(String title, String channel) {
		String uniqueTitle = title;
		ProcessInstance[] started = new ProcessInstance[1];
		as("producer", "producers", () -> started[0] = this.runtimeService.startProcessInstanceByKey(PROCESS_ID,
				brief(uniqueTitle, "ACME-SUMMER", channel)));
		// the business key is the production's reference, numbered in its project
		assertThat(started[0].getBusinessKey()).isEqualTo(asset(started[0]).reference()).matches("ACME-SUMMER-\\d{4}");
		return started[0];
	}

	private static Map<String, Object> brief(String title, String projectCode) {
		return brief(title, projectCode, "WEB");
	}

	private static Map<String, Object> brief(String title, String projectCode, String channel) {
		return Map.of("briefTitle", title, "projectCode", projectCode, "deliverableType", "VIDEO", "channel", channel,
				"dueDate", "2027-01-15", "briefDescription", "A 30 second launch spot " + UUID.randomUUID());
	}

	private static String edited(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).as(file.toString()).containsOnlyOnce(from);
		return content.replace(from, to);
	}

	/**
	 * One file deployed without the production, as Camunda Modeler deploys it, with the
	 * files it binds to its deployment.
	 */
	private DeploymentWithDefinitions deployAlone(String fileName, String content, Path... boundFiles)
			throws IOException {
		DeploymentBuilder deployment = this.engine.getRepositoryService()
			.createDeployment()
			.name(fileName)
			.source("Camunda Modeler")
			.addString(fileName, content);
		for (Path file : boundFiles) {
			deployment.addString(file.getFileName().toString(), Files.readString(file));
		}
		return deployment.deployWithResult();
	}

	private void deployTogether(Path... files) throws IOException {
		DeploymentBuilder deployment = this.engine.getRepositoryService().createDeployment().name("as shipped");
		for (Path file : files) {
			deployment.addString(file.getFileName().toString(), Files.readString(file));
		}
		deployment.deploy();
	}

	private void completeBrief(ProcessInstance production, String decision, String comment) {
		producerAnswers(production, "briefDecision", decision, "briefComment", comment);
	}

	private void completeAnotherRound(ProcessInstance production, String answer, String comment) {
		producerAnswers(production, "anotherRound", answer, "anotherRoundComment", comment);
	}

	/**
	 * The producer claims the production's task and answers with a choice and a comment.
	 */
	private void producerAnswers(ProcessInstance production, String choiceName, String choice, String commentName,
			String comment) {
		Task task = task(production);
		this.engine.getTaskService().claim(task.getId(), "producer");
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(choiceName, choice);
		variables.put(commentName, comment);
		this.engine.getTaskService().complete(task.getId(), variables);
	}

	private void produceVersion(ProcessInstance production, String note) {
		assertThat(production).isWaitingAt(USER_TASK_PRODUCE_VERSION);
		as("creative", "creatives", () -> {
			Task task = task(production);
			this.engine.getTaskService().claim(task.getId(), "creative");
			this.engine.getTaskService().complete(task.getId(), Map.of("versionNote", note));
		});
	}

	private void review(ProcessInstance production, String reviewer, String decision, String comment) {
		as(reviewer, "reviewers", () -> {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("decision", decision);
			variables.put("decisionComment", comment);
			this.engine.getTaskService().complete(reviewTask(production, reviewer).getId(), variables);
		});
	}

	/** The reviewer's open review task, in the stage the production called. */
	private Task reviewTask(ProcessInstance production, String reviewer) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.taskAssignee(reviewer)
			.singleResult();
	}

	private void resolveConflict(ProcessInstance production, String resolution, String comment) {
		as("producer", "producers", () -> {
			Task task = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(production.getBusinessKey())
				.taskDefinitionKey(StakeholderReviewProcess.USER_TASK_RESOLVE_CONFLICTING_FEEDBACK)
				.singleResult();
			this.engine.getTaskService().claim(task.getId(), "producer");
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("resolution", resolution);
			variables.put("resolutionComment", comment);
			this.engine.getTaskService().complete(task.getId(), variables);
		});
	}

	private void as(String user, String group, Runnable action) {
		EngineUsers.authenticate(this.identityService, user, List.of(group));
		try {
			action.run();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/**
	 * Runs the jobs due now (not timers waiting for their date, nor the jobs these
	 * create) of the production and the review stages it called: the process stops at the
	 * next savepoint.
	 */
	private void executeCurrentJobs(ProcessInstance production) {
		for (Job job : dueJobs(production)) {
			// a job may have removed another (a settled stage withdraws what is left)
			if (this.managementService.createJobQuery().jobId(job.getId()).count() > 0) {
				this.managementService.executeJob(job.getId());
			}
		}
	}

	/** Runs due jobs until the process waits for a person or a timer, or has ended. */
	private void executeJobs(ProcessInstance production) {
		while (!dueJobs(production).isEmpty()) {
			executeCurrentJobs(production);
		}
	}

	private List<Job> dueJobs(ProcessInstance production) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.list()
			.stream()
			.flatMap(instance -> this.managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list()
				.stream())
			.toList();
	}

	/** A task's name ends with the reference of the production it is about. */
	private static String named(ProcessInstance production, String name) {
		return name + " (" + production.getBusinessKey() + ")";
	}

	private Asset asset(ProcessInstance production) {
		String assetId = this.jdbc.sql("SELECT id FROM asset WHERE process_instance_id = ?")
			.param(production.getId())
			.query(String.class)
			.single();
		return this.assets.get(assetId);
	}

	private List<String> decisions(String assetId) {
		return this.jdbc
			.sql("SELECT stage, decision, decided_by FROM decision WHERE asset_id = ? ORDER BY decided_at, id")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
			.list();
	}

	private List<String> stages(String assetId) {
		return this.jdbc
			.sql("SELECT stage, decision_rule, outcome, resolved_by FROM review_stage WHERE asset_id = ? "
					+ "ORDER BY opened_at, id")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)
					+ ((rs.getString(4) != null) ? ":" + rs.getString(4) : ""))
			.list();
	}

	// stage:rule:routing table id:its version:review process version
	private List<String> stageDefinitions(String assetId) {
		return this.jdbc
			.sql("SELECT stage, decision_rule, routing_table_id, routing_table_version, review_process_version "
					+ "FROM review_stage WHERE asset_id = ? ORDER BY opened_at, id")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getInt(4)
					+ ":" + rs.getInt(5))
			.list();
	}

	private List<String> notifications(String assetId, String event) {
		return this.jdbc.sql("SELECT recipient FROM notification WHERE asset_id = ? AND event = ? ORDER BY recipient")
			.params(assetId, event)
			.query(String.class)
			.list();
	}

}
