package io.greenlight.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.ShippedWorkflows;
import io.greenlight.support.ShippedWorkflows.Definition;
import io.greenlight.support.Users;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Safe upgrades over real HTTP, as a creative-ops lead who is not an administrator (so
 * the engine's authorizations apply): productions waiting in every user task of the
 * production workflow move to its next version and finish there; a version that would
 * lose a waiting task is refused with the engine's report and nothing moves; producers
 * may do neither through Greenlight's API nor through engine REST; a migration may not
 * set a server-set variable, not even for creative-ops.
 * <p>
 * Each test deploys the shipped workflows (processes/ and forms/) again as a new version,
 * so only its own productions run on it, and deploys them once more at the end, so the
 * shared server's other tests start their productions on the shipped workflows.
 */
@ServerIT
class WorkflowMigrationIT {

	// a creative-ops lead: may deploy and migrate, is not in camunda-admin
	private static final String LEAD = "migration-lead";

	private static final String PRODUCTION = "CreativeProductionProcess";

	private static final String REVIEW_STAGE = "StakeholderReviewProcess";

	private final Http http;

	private final ProductionDriver productions;

	private boolean deployed;

	@Autowired
	WorkflowMigrationIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@BeforeEach
	void theLeadExists() {
		new CreativeOps(this.http).userInGroup(LEAD, "Morgan", "Migrator", "creative-ops");
	}

	@AfterEach
	void theShippedWorkflowsAreTheLatestAgain() {
		if (this.deployed) {
			deploy(UnaryOperator.identity());
		}
	}

	@Test
	void productionsWaitingInEveryUserTaskMoveToTheNextVersionAndFinishThere() {
		// given productions waiting in each user task of version N, and inside its review
		Definition current = deploy(UnaryOperator.identity());
		String atBrief = this.productions.start("Migrating brief", "SOCIAL");
		this.productions.awaitTask(Users.PRODUCER, atBrief, "UserTask_ApproveBrief");
		String atVersion = waitingForAVersion("Migrating version");
		String inReview = waitingForAVersion("Migrating review");
		this.productions.claimAndComplete(Users.CREATIVE, inReview, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER1, inReview, "UserTask_ReviewAsset");
		String atAnotherRound = confirmingAnotherRound("Migrating rounds");
		List<String> assets = List.of(atBrief, atVersion, inReview, atAnotherRound);
		Map<String, String> instances = new LinkedHashMap<>();
		assets.forEach(asset -> instances.put(asset, instanceOf(asset)));
		instances.values().forEach(instance -> assertThat(definitionOf(instance)).isEqualTo(current.id()));

		// and version N+1, renamed, deployed by the lead
		Definition next = deploy(xml -> xml.replace("name=\"Creative production\"", "name=\"Creative production 2\"")
			.replace("id=\"UserTask_ApproveBrief\" name=\"Approve brief\"",
					"id=\"UserTask_ApproveBrief\" name=\"Approve the brief\""));

		// the lead sees both versions, newest first, with their running productions
		JsonNode workflow = workflow(PRODUCTION);
		assertThat(workflow.get("name").asText()).isEqualTo("Creative production 2");
		assertThat(workflow.at("/versions/0/version").asInt()).isEqualTo(next.version());
		assertThat(workflow.at("/versions/0/definitionId").asText()).isEqualTo(next.id());
		assertThat(workflow.at("/versions/0/running").asLong()).isZero();
		assertThat(Instant.parse(workflow.at("/versions/0/deployedAt").asText())).isBefore(Instant.now());
		assertThat(workflow.at("/versions/1/version").asInt()).isEqualTo(current.version());
		assertThat(workflow.at("/versions/1/running").asLong()).isEqualTo(4);

		// when the lead checks the migration: valid, and nothing moved
		String request = "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(current.version(), next.version());
		Http.Response check = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations/check", request);
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("valid").asBoolean()).as(check.body()).isTrue();
		assertThat(check.json().get("problems")).isEmpty();
		assertThat(check.json().get("instances").asInt()).isEqualTo(4);
		assertThat(check.json().get("key").asText()).isEqualTo(PRODUCTION);
		assertThat(instructions(check.json())).contains("UserTask_ApproveBrief -> UserTask_ApproveBrief",
				"UserTask_ProduceVersion -> UserTask_ProduceVersion",
				"CallActivity_InternalReview -> CallActivity_InternalReview",
				"UserTask_ConfirmAnotherRound -> UserTask_ConfirmAnotherRound");
		instances.values().forEach(instance -> assertThat(definitionOf(instance)).isEqualTo(current.id()));

		// and migrates
		Http.Response started = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations", request);

		// then the engine's batch moves every production to N+1
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("instances").asInt()).isEqualTo(4);
		assertThat(started.json().get("requestedBy").asText()).isEqualTo(LEAD);
		String migrationId = started.json().get("id").asText();
		String batchId = started.json().get("batchId").asText();
		assertThat(batchId).isNotBlank();
		await("every production on version " + next.version()).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> instances.values().stream().allMatch(instance -> next.id().equals(definitionOf(instance))));
		JsonNode logged = await("the batch done").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.http.get(LEAD, "/api/workflows/" + PRODUCTION + "/migrations").json().get(0),
					entry -> entry.path("finishedAt").isTextual()
							|| (entry.path("batch").isObject() && entry.at("/batch/remainingJobs").asInt() == 0));
		assertThat(logged.get("id").asText()).isEqualTo(migrationId);
		assertThat(logged.get("batchId").asText()).isEqualTo(batchId);
		assertThat(logged.get("fromVersion").asInt()).isEqualTo(current.version());
		assertThat(logged.get("toVersion").asInt()).isEqualTo(next.version());
		assertThat(logged.get("fromDefinitionId").asText()).isEqualTo(current.id());
		assertThat(logged.get("toDefinitionId").asText()).isEqualTo(next.id());
		assertThat(logged.get("instances").asInt()).isEqualTo(4);
		assertThat(logged.get("requestedBy").asText()).isEqualTo(LEAD);
		assertThat(logged.at("/batch/failedJobs").asInt()).isZero();
		JsonNode after = workflow(PRODUCTION);
		assertThat(after.at("/versions/0/running").asLong()).isEqualTo(4);
		assertThat(after.at("/versions/1/running").asLong()).isZero();

		// and each finishes on N+1, its tasks and reviews going on where they were
		this.productions.claimAndComplete(Users.PRODUCER, atBrief, "UserTask_ApproveBrief",
				Map.of("briefDecision", "RETURNED", "briefComment", "Not this quarter"));
		this.productions.claimAndComplete(Users.CREATIVE, atVersion, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		approvedByEveryone(atVersion);
		approvedByEveryone(inReview);
		this.productions.claimAndComplete(Users.PRODUCER, atAnotherRound, "UserTask_ConfirmAnotherRound",
				Map.of("anotherRound", "STOP", "anotherRoundComment", "Enough rounds"));
		assertEndedOn(next, instances.get(atBrief), "EndEvent_BriefReturned");
		assertEndedOn(next, instances.get(atVersion), "EndEvent_Delivered");
		assertEndedOn(next, instances.get(inReview), "EndEvent_Delivered");
		assertEndedOn(next, instances.get(atAnotherRound), "EndEvent_ProductionStopped");
	}

	@Test
	void reviewStagesWaitingForReviewersOrTheProducerMoveToTheNextVersionAndSettleThere() {
		// given a review stage waiting for its reviewers, and one whose reviewers
		// disagree waiting for the producer, on version N of the review stage
		Definition current = deploy(Map.of()).get(REVIEW_STAGE);
		String reviewing = waitingForAVersion("Migrating stage");
		this.productions.claimAndComplete(Users.CREATIVE, reviewing, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER2, reviewing, "UserTask_ReviewAsset");
		String conflicting = this.productions.start("Migrating conflict", "WEB");
		this.productions.claimAndComplete(Users.PRODUCER, conflicting, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, conflicting, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.review(Users.REVIEWER1, conflicting, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.REVIEWER2, conflicting, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "Too dark"));
		this.productions.awaitTask(Users.PRODUCER, conflicting, "UserTask_ResolveConflictingFeedback");
		List<String> stages = List.of(stageOf(reviewing), stageOf(conflicting));
		stages.forEach(stage -> assertThat(definitionOf(stage)).isEqualTo(current.id()));
		// and version N+1 of the review stage
		Definition next = deploy(Map.of(REVIEW_STAGE,
				xml -> xml.replace("name=\"Stakeholder review\"", "name=\"Stakeholder review 2\"")))
			.get(REVIEW_STAGE);
		String request = "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(current.version(), next.version());

		// when the lead checks and migrates the review stages
		Http.Response check = this.http.postJson(LEAD, "/api/workflows/" + REVIEW_STAGE + "/migrations/check", request);
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("valid").asBoolean()).as(check.body()).isTrue();
		assertThat(check.json().get("instances").asInt()).isEqualTo(2);
		assertThat(instructions(check.json())).contains("UserTask_ReviewAsset -> UserTask_ReviewAsset",
				"UserTask_ResolveConflictingFeedback -> UserTask_ResolveConflictingFeedback",
				"BoundaryEvent_ReviewDue -> BoundaryEvent_ReviewDue");
		Http.Response started = this.http.postJson(LEAD, "/api/workflows/" + REVIEW_STAGE + "/migrations", request);
		assertThat(started.status()).as(started.body()).isEqualTo(202);

		// then both stages run on N+1 and settle there, and their productions go on
		await("every stage on version " + next.version()).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> stages.stream().allMatch(stage -> next.id().equals(definitionOf(stage))));
		Http.Response approved = this.productions.decide(Users.REVIEWER2, this.productions.latestVersionId(reviewing),
				"APPROVED", null);
		assertThat(approved.status()).as(approved.body()).isEqualTo(204);
		this.productions.review(Users.CLIENT, reviewing, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.claimAndComplete(Users.PRODUCER, conflicting, "UserTask_ResolveConflictingFeedback",
				Map.of("resolution", "APPROVED", "resolutionComment", "Dark is the look"));
		this.productions.review(Users.CLIENT, conflicting, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		assertEndedOn(next, stages.get(0), "EndEvent_StageSettled");
		assertEndedOn(next, stages.get(1), "EndEvent_ConflictResolved");
		for (String assetId : List.of(reviewing, conflicting)) {
			await(assetId + " delivered").atMost(Duration.ofSeconds(30))
				.until(() -> "DELIVERED"
					.equals(this.http.get(LEAD, "/api/assets/" + assetId).json().at("/asset/status").asText()));
		}
	}

	@Test
	void aVersionWithoutTheTaskAProductionWaitsInIsRefusedWithTheEnginesReportAndNothingMoves() {
		// given a production waiting for its brief and one waiting for a version
		Definition current = deploy(UnaryOperator.identity());
		String atBrief = this.productions.start("Kept brief", "SOCIAL");
		this.productions.awaitTask(Users.PRODUCER, atBrief, "UserTask_ApproveBrief");
		String atVersion = waitingForAVersion("Kept version");
		String produceTask = this.productions.awaitTask(Users.CREATIVE, atVersion, "UserTask_ProduceVersion")
			.get("id")
			.asText();
		String versionInstance = instanceOf(atVersion);
		// and a next version without "Produce version"
		Definition next = deploy(WorkflowMigrationIT::withoutProduceVersion);
		String request = "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(current.version(), next.version());

		// when the lead checks: the engine's report names the waiting task
		Http.Response check = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations/check", request);

		assertThat(check.status()).as(check.body()).isEqualTo(200);
		JsonNode report = check.json();
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(report.get("instances").asInt()).isEqualTo(2);
		assertThat(instructions(report)).contains("UserTask_ApproveBrief -> UserTask_ApproveBrief")
			.noneMatch(instruction -> instruction.startsWith("UserTask_ProduceVersion"));
		assertThat(report.get("problems")).hasSize(1);
		JsonNode problem = report.at("/problems/0");
		assertThat(problem.get("processInstanceId").asText()).isEqualTo(versionInstance);
		assertThat(problem.get("businessKey").asText()).isEqualTo(this.productions.reference(atVersion));
		assertThat(problem.get("activityId").asText()).isEqualTo("UserTask_ProduceVersion");
		assertThat(problem.get("activityInstanceId").asText()).startsWith("UserTask_ProduceVersion:");
		assertThat(problem.get("messages").toString())
			.contains("There is no migration instruction for this instance's activity");

		// and when the lead migrates anyway: refused with the same report
		Http.Response refused = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations", request);

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).startsWith("Nothing was migrated");
		assertThat(refused.json().get("message").asText()).startsWith("Nothing was migrated");
		assertThat(refused.json().get("valid").asBoolean()).isFalse();
		assertThat(refused.json().get("problems")).isEqualTo(report.get("problems"));
		// nothing logged, nothing moved, the task still open as it was
		for (JsonNode migration : this.http.get(LEAD, "/api/workflows/" + PRODUCTION + "/migrations").json()) {
			assertThat(migration.get("toDefinitionId").asText()).isNotEqualTo(next.id());
		}
		assertThat(definitionOf(instanceOf(atBrief))).isEqualTo(current.id());
		assertThat(definitionOf(versionInstance)).isEqualTo(current.id());
		assertThat(this.productions.awaitTask(Users.CREATIVE, atVersion, "UserTask_ProduceVersion").get("id").asText())
			.isEqualTo(produceTask);
		assertThat(workflow(PRODUCTION).at("/versions/1/running").asLong()).isEqualTo(2);
	}

	@Test
	void aProducerMayNotMigrateThroughGreenlightNorThroughEngineRest() {
		// given a production on version N and a version N+1
		Definition current = deploy(UnaryOperator.identity());
		String assetId = this.productions.start("Not yours to move", "SOCIAL");
		this.productions.awaitTask(Users.PRODUCER, assetId, "UserTask_ApproveBrief");
		String instance = instanceOf(assetId);
		Definition next = deploy(UnaryOperator.identity());
		String request = "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(current.version(), next.version());
		int batches = this.http.get(Users.OPS, "/engine-rest/batch/count").json().get("count").asInt();

		// when the producer tries Greenlight's API
		Http.Response list = this.http.get(Users.PRODUCER, "/api/workflows");
		Http.Response check = this.http.postJson(Users.PRODUCER, "/api/workflows/" + PRODUCTION + "/migrations/check",
				request);
		Http.Response migrate = this.http.postJson(Users.PRODUCER, "/api/workflows/" + PRODUCTION + "/migrations",
				request);
		Http.Response log = this.http.get(Users.PRODUCER, "/api/workflows/" + PRODUCTION + "/migrations");
		// and the engine's own migration API
		String plan = """
				{"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
				 "instructions": [{"sourceActivityIds": ["UserTask_ApproveBrief"],
				                   "targetActivityIds": ["UserTask_ApproveBrief"]}]},
				 "processInstanceIds": ["%s"]}""".formatted(current.id(), next.id(), instance);
		Http.Response execute = this.http.postJson(Users.PRODUCER, "/engine-rest/migration/execute", plan);
		Http.Response executeAsync = this.http.postJson(Users.PRODUCER, "/engine-rest/migration/executeAsync", plan);

		// then every door is closed and nothing moved
		for (Http.Response response : List.of(list, check, migrate, log)) {
			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.json().get("detail").asText()).contains("Only creative-ops");
		}
		assertThat(execute.status()).as(execute.body()).isEqualTo(403);
		assertThat(execute.json().get("message").asText()).contains("MIGRATE_INSTANCE");
		assertThat(executeAsync.status()).as(executeAsync.body()).isEqualTo(403);
		assertThat(definitionOf(instance)).isEqualTo(current.id());
		assertThat(this.http.get(Users.OPS, "/engine-rest/batch/count").json().get("count").asInt()).isEqualTo(batches);
	}

	@Test
	void aMigrationThatSetsAServerSetVariableIsRefusedEvenForCreativeOps() {
		// given a production on version N and a version N+1
		Definition current = deploy(UnaryOperator.identity());
		String assetId = this.productions.start("No forged asset", "SOCIAL");
		this.productions.awaitTask(Users.PRODUCER, assetId, "UserTask_ApproveBrief");
		String instance = instanceOf(assetId);
		Definition next = deploy(UnaryOperator.identity());

		// when the lead migrates it through engine REST with a plan that sets assetId
		Http.Response response = this.http.postJson(LEAD, "/engine-rest/migration/execute", """
				{"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
				 "instructions": [{"sourceActivityIds": ["UserTask_ApproveBrief"],
				                   "targetActivityIds": ["UserTask_ApproveBrief"]}],
				 "variables": {"assetId": {"value": "someone-elses-asset", "type": "String"}}},
				 "processInstanceIds": ["%s"]}""".formatted(current.id(), next.id(), instance));

		// then the guard on server-set variables refuses it and nothing moved
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.json().get("message").asText()).contains("'assetId'");
		assertThat(definitionOf(instance)).isEqualTo(current.id());
	}

	@Test
	void aVersionWithoutRunningProductionsHasNothingToMigrate() {
		// given a version N+1 on which nothing runs yet
		Definition current = deploy(UnaryOperator.identity());
		Definition next = deploy(UnaryOperator.identity());

		Http.Response check = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations/check",
				"{\"fromVersion\": %d, \"toVersion\": %d}".formatted(next.version(), current.version()));
		Http.Response migrate = this.http.postJson(LEAD, "/api/workflows/" + PRODUCTION + "/migrations",
				"{\"fromVersion\": %d, \"toVersion\": %d}".formatted(next.version(), current.version()));

		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("instances").asInt()).isZero();
		assertThat(check.json().get("valid").asBoolean()).isTrue();
		assertThat(migrate.status()).as(migrate.body()).isEqualTo(409);
		assertThat(migrate.json().get("detail").asText()).contains("there is nothing to migrate");
	}

	@Test
	void aMigrationNamesTwoDifferentVersionsOfAWorkflowThatExist() {
		int latest = workflow(PRODUCTION).at("/versions/0/version").asInt();
		String path = "/api/workflows/" + PRODUCTION + "/migrations/check";

		Http.Response same = this.http.postJson(LEAD, path,
				"{\"fromVersion\": %d, \"toVersion\": %d}".formatted(latest, latest));
		Http.Response missing = this.http.postJson(LEAD, path, "{\"fromVersion\": %d}".formatted(latest));
		Http.Response unknownVersion = this.http.postJson(LEAD, path,
				"{\"fromVersion\": %d, \"toVersion\": %d}".formatted(latest, latest + 1000));
		Http.Response unknownWorkflow = this.http.postJson(LEAD, "/api/workflows/NoSuchProcess/migrations",
				"{\"fromVersion\": 1, \"toVersion\": 2}");

		assertThat(same.status()).as(same.body()).isEqualTo(400);
		assertThat(same.json().get("detail").asText()).contains("two different versions");
		assertThat(missing.status()).as(missing.body()).isEqualTo(400);
		assertThat(missing.json().get("detail").asText()).contains("fromVersion").contains("toVersion");
		assertThat(unknownVersion.status()).as(unknownVersion.body()).isEqualTo(404);
		assertThat(unknownVersion.json().get("detail").asText()).contains("has no version " + (latest + 1000));
		assertThat(unknownWorkflow.status()).as(unknownWorkflow.body()).isEqualTo(404);
		assertThat(unknownWorkflow.json().get("detail").asText()).contains("There is no workflow 'NoSuchProcess'");
	}

	private String waitingForAVersion(String title) {
		String assetId = this.productions.start(title, "SOCIAL");
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		return assetId;
	}

	// a social post (the first internal decision settles each stage) whose reviewer asks
	// for changes on every version until the producer is asked whether it goes on
	private String confirmingAnotherRound(String title) {
		String assetId = waitingForAVersion(title);
		for (int round = 1; round <= 8; round++) {
			this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
					Map.of("versionNote", "Cut " + round));
			this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
			Http.Response changes = this.productions.decide(Users.REVIEWER1, this.productions.latestVersionId(assetId),
					"CHANGES_REQUESTED", "Not yet");
			assertThat(changes.status()).as(changes.body()).isEqualTo(204);
			String waiting = await("the production waits again").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> openTask(assetId), task -> task != null && !task.equals("UserTask_ReviewAsset"));
			if (waiting.equals("UserTask_ConfirmAnotherRound")) {
				return assetId;
			}
		}
		throw new AssertionError("never asked whether " + title + " goes on");
	}

	private String openTask(String assetId) {
		JsonNode tasks = this.http
			.get(LEAD,
					"/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + this.productions.reference(assetId))
			.json();
		return tasks.isEmpty() ? null : tasks.get(0).get("taskDefinitionKey").asText();
	}

	private void approvedByEveryone(String assetId) {
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.CLIENT, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
	}

	private void assertEndedOn(Definition definition, String instance, String endEvent) {
		JsonNode ended = await(instance + " ended").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.http.get(LEAD, "/engine-rest/history/process-instance/" + instance).json(),
					history -> "COMPLETED".equals(history.path("state").asText()));
		assertThat(ended.get("processDefinitionId").asText()).isEqualTo(definition.id());
		JsonNode end = this.http
			.get(LEAD,
					"/engine-rest/history/activity-instance?maxResults=5&processInstanceId=" + instance + "&activityId="
							+ endEvent)
			.json();
		assertThat(end).as(instance + " at " + endEvent).hasSize(1);
		assertThat(end.get(0).get("processDefinitionId").asText()).isEqualTo(definition.id());
	}

	private JsonNode workflow(String key) {
		return ShippedWorkflows.listed(this.http, LEAD, key);
	}

	private static List<String> instructions(JsonNode check) {
		List<String> instructions = new ArrayList<>();
		check.get("instructions")
			.forEach(instruction -> instructions
				.add(instruction.get("from").asText() + " -> " + instruction.get("to").asText()));
		return instructions;
	}

	private String instanceOf(String assetId) {
		return this.http.get(LEAD, "/api/assets/" + assetId).json().at("/asset/processInstanceId").asText();
	}

	// the production's running review stage: the called instance under its process
	// instance
	private String stageOf(String assetId) {
		JsonNode stages = this.http
			.get(LEAD, "/engine-rest/process-instance?maxResults=5&superProcessInstance=" + instanceOf(assetId))
			.json();
		assertThat(stages).hasSize(1);
		return stages.get(0).get("id").asText();
	}

	private String definitionOf(String instance) {
		Http.Response response = this.http.get(LEAD, "/engine-rest/process-instance/" + instance);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("definitionId").asText();
	}

	/**
	 * Deploys the shipped workflows and forms as the lead, as Camunda Modeler would, with
	 * the production workflow changed; the review stage, the routing table and the forms
	 * come along, since the production finds them in its own deployment.
	 * @return the production workflow's new version
	 */
	private Definition deploy(UnaryOperator<String> production) {
		return deploy(Map.of(PRODUCTION, production)).get(PRODUCTION);
	}

	/**
	 * Deploys the shipped workflows and forms as the lead, each process changed as given
	 * (by its key).
	 * @return every process's new version, by key
	 */
	private Map<String, Definition> deploy(Map<String, UnaryOperator<String>> changes) {
		Map<String, Definition> definitions = ShippedWorkflows.deploy(this.http, LEAD, changes);
		this.deployed = true;
		assertThat(definitions).containsKeys(PRODUCTION, REVIEW_STAGE);
		return definitions;
	}

	// "Produce version" taken out: the approved brief goes straight to registering
	private static String withoutProduceVersion(String xml) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		UserTask produce = model.getModelElementById("UserTask_ProduceVersion");
		SequenceFlow into = model.getModelElementById("SequenceFlow_ToProduction");
		SequenceFlow out = model.getModelElementById("SequenceFlow_VersionProduced");
		FlowNode next = out.getTarget();
		for (BpmnShape shape : new ArrayList<>(model.getModelElementsByType(BpmnShape.class))) {
			if (produce.getId().equals(shape.getAttributeValue("bpmnElement"))) {
				shape.getParentElement().removeChildElement(shape);
			}
		}
		for (BpmnEdge edge : new ArrayList<>(model.getModelElementsByType(BpmnEdge.class))) {
			if (out.getId().equals(edge.getAttributeValue("bpmnElement"))) {
				edge.getParentElement().removeChildElement(edge);
			}
		}
		next.getIncoming().remove(out);
		into.setTarget(next);
		next.getIncoming().add(into);
		out.getParentElement().removeChildElement(out);
		produce.getParentElement().removeChildElement(produce);
		return Bpmn.convertToString(model);
	}

}
