package io.greenlight.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One file deployed the way Camunda Modeler deploys it, by creative-ops over
 * {@code /engine-rest/deployment/create}: the routing table alone, or the review process
 * with its forms, take effect at the next production's stages, which record the versions
 * they ran with; a form alone, which its process binds to its own deployment, and the
 * review process without its forms are refused with what to deploy with them, and nothing
 * is deployed. Every test leaves the shipped definitions as the newest again (deployed
 * anew), for the other tests sharing the server.
 */
@ServerIT
class DeployingOneFileIT {

	private static final Path ROUTING_TABLE = Path.of("processes", "ReviewRoutingDecision.dmn");

	private static final Path REVIEW_PROCESS = Path.of("processes", "StakeholderReviewProcess.bpmn");

	// the catch-all internal row, as Camunda Modeler writes its decision rule
	private static final String CATCH_ALL_INTERNAL_ALL = "<dmn:outputEntry id=\"LiteralExpression_Rule7_DecisionRule\">"
			+ "<dmn:text>\"ALL\"</dmn:text>";

	private final Http http;

	private final ProductionDriver driver;

	@Autowired
	DeployingOneFileIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.driver = new ProductionDriver(this.http);
	}

	@Test
	void aRoutingTableDeployedAloneRoutesTheNextProductionAndItsStageSaysWhichTable() throws IOException {
		// given the lead changed the catch-all internal row from ALL to ANY and deployed
		// the table alone
		Http.Response deployed = deployFromTheModeler(ROUTING_TABLE.getFileName().toString(),
				edited(ROUTING_TABLE, CATCH_ALL_INTERNAL_ALL, CATCH_ALL_INTERNAL_ALL.replace("ALL", "ANY")));
		try {
			assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
			JsonNode table = only(deployed.json().get("deployedDecisionDefinitions"));

			// when the next production, for print (the catch-all rows route it),
			// reaches internal review
			String assetId = this.driver.start("Shelf talker " + UUID.randomUUID(), "ACME-SUMMER", "PRINT");
			this.driver.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
					Map.of("briefDecision", "APPROVED"));
			this.driver.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
					Map.of("versionNote", "First proof"));
			this.driver.awaitTask(Users.REVIEWER2, assetId, "UserTask_ReviewAsset");

			// then its stage is under ANY, and the API says which table and review
			// process
			JsonNode internal = stages(assetId).get(0);
			assertThat(internal.get("stage").asText()).isEqualTo("INTERNAL_REVIEW");
			assertThat(internal.get("decisionRule").asText()).isEqualTo("ANY");
			assertThat(internal.get("routingTableId").asText()).isEqualTo(table.get("id").asText());
			assertThat(internal.get("routingTableVersion").asInt()).isEqualTo(table.get("version").asInt());
			assertThat(internal.get("reviewProcessVersion").asInt())
				.isEqualTo(latest("process-definition", "StakeholderReviewProcess").get("version").asInt());

			// and reviewer1's decision alone settles it, as ANY does
			String versionId = this.driver.latestVersionId(assetId);
			Http.Response decided = this.driver.decide(Users.REVIEWER1, versionId, "APPROVED", null);
			assertThat(decided.status()).as(decided.body()).isEqualTo(204);
			awaitOutcome(assetId, 0, "APPROVED");
			this.driver.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
			assertThat(stages(assetId).get(1).get("routingTableVersion").asInt())
				.isEqualTo(table.get("version").asInt());
			assertThat(this.driver.decide(Users.CLIENT, versionId, "APPROVED", null).status()).isEqualTo(204);
			awaitOutcome(assetId, 1, "APPROVED");
		}
		finally {
			// the shipped table is the newest again
			Http.Response restored = deployFromTheModeler(ROUTING_TABLE.getFileName().toString(),
					Files.readString(ROUTING_TABLE));
			assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		}
	}

	@Test
	void aReviewProcessDeployedAloneIsRefusedNamingTheFormsToDeployWithIt() throws IOException {
		long deployments = deployments();

		Http.Response response = deployFromTheModeler(REVIEW_PROCESS.getFileName().toString(),
				edited(REVIEW_PROCESS, "name=\"Stakeholder review\"", "name=\"Stakeholder review (edited)\""));

		// its review tasks would find no form in Tasklist
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asText()).isEqualTo("ParseException");
		assertThat(response.json().get("message").asText()).contains(
				"StakeholderReviewProcess.bpmn would not find what it binds to its own deployment: "
						+ "StakeholderReviewProcess binds ReviewAssetForm to its own deployment "
						+ "(camunda:formRefBinding=\"deployment\" on UserTask_ReviewAsset, UserTask_ReviewAssetInTurn)",
				"UserTask_ResolveConflictingFeedback), and this deployment does not hold them. Deploy it together with "
						+ "ReviewAssetForm.form, ChaseOverdueReviewForm.form and ResolveConflictingFeedbackForm.form.");
		assertThat(deployments()).isEqualTo(deployments);
	}

	@Test
	void aReviewProcessDeployedWithItsFormsRunsTheNextStageAndTheStageSaysWhichVersion() throws IOException {
		// given the lead edited the review process and deployed it with the forms it
		// binds to its deployment, not with the production
		Multipart body = modelerDeployment().file(REVIEW_PROCESS.getFileName().toString(),
				REVIEW_PROCESS.getFileName().toString(),
				edited(REVIEW_PROCESS, "name=\"Stakeholder review\"", "name=\"Stakeholder review (edited)\"")
					.getBytes(StandardCharsets.UTF_8));
		reviewForms(body);
		Http.Response deployed = this.http.post(Users.OPS, "/engine-rest/deployment/create", body.contentType(),
				body.bytes());
		try {
			assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
			JsonNode reviewProcess = only(deployed.json().get("deployedProcessDefinitions"));

			// when the next production reaches internal review
			String assetId = this.driver.inInternalReview("Teaser " + UUID.randomUUID());

			// then its stage runs on that version, and the API says so
			JsonNode internal = stages(assetId).get(0);
			assertThat(internal.get("reviewProcessVersion").asInt()).isEqualTo(reviewProcess.get("version").asInt());
			JsonNode table = latest("decision-definition", "ReviewRoutingDecision");
			assertThat(internal.get("routingTableId").asText()).isEqualTo(table.get("id").asText());
			assertThat(internal.get("routingTableVersion").asInt()).isEqualTo(table.get("version").asInt());
			Http.Response stage = this.http.get(Users.OPS,
					"/engine-rest/process-instance/" + internal.get("id").asText());
			assertThat(stage.json().get("definitionId").asText()).isEqualTo(reviewProcess.get("id").asText());

			// and it settles as ever
			String versionId = this.driver.latestVersionId(assetId);
			assertThat(this.driver.decide(Users.REVIEWER1, versionId, "APPROVED", null).status()).isEqualTo(204);
			assertThat(this.driver.decide(Users.REVIEWER2, versionId, "APPROVED", null).status()).isEqualTo(204);
			awaitOutcome(assetId, 0, "APPROVED");
			this.driver.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
			assertThat(this.driver.decide(Users.CLIENT, versionId, "APPROVED", null).status()).isEqualTo(204);
			awaitOutcome(assetId, 1, "APPROVED");
		}
		finally {
			// the shipped review process with the forms it binds to its deployment
			Multipart shipped = modelerDeployment().file("StakeholderReviewProcess.bpmn",
					"StakeholderReviewProcess.bpmn", Files.readAllBytes(REVIEW_PROCESS));
			reviewForms(shipped);
			Http.Response restored = this.http.post(Users.OPS, "/engine-rest/deployment/create", shipped.contentType(),
					shipped.bytes());
			assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		}
	}

	@Test
	void aFormDeployedWithoutTheProcessThatBindsItIsRefusedSayingWhatToDeployWithIt() throws IOException {
		long deployments = deployments();

		Http.Response response = deployFromTheModeler("ApproveBriefForm.form", edited(
				Path.of("forms", "ApproveBriefForm.form"), "\"label\": \"Comment\"", "\"label\": \"What is missing\""));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asText()).isEqualTo("ParseException");
		assertThat(response.json().get("message").asText()).contains(
				"ApproveBriefForm.form would not take effect: CreativeProductionProcess binds ApproveBriefForm to its "
						+ "own deployment (camunda:formRefBinding=\"deployment\" on UserTask_ApproveBrief). Deploy it "
						+ "together with CreativeProductionProcess.bpmn.")
			.contains("BriefForm.form, ProduceVersionForm.form and ConfirmAnotherRoundForm.form");
		assertThat(response.json().at("/details/ApproveBriefForm.form/errors")).hasSize(1);
		assertThat(deployments()).isEqualTo(deployments);
	}

	// the forms StakeholderReviewProcess binds to its own deployment
	private static void reviewForms(Multipart body) throws IOException {
		for (String form : new String[] { "ReviewAssetForm.form", "ChaseOverdueReviewForm.form",
				"ResolveConflictingFeedbackForm.form" }) {
			body.file(form, form, Files.readAllBytes(Path.of("forms", form)));
		}
	}

	private Http.Response deployFromTheModeler(String fileName, String content) {
		Multipart body = modelerDeployment().file(fileName, fileName, content.getBytes(StandardCharsets.UTF_8));
		return this.http.post(Users.OPS, "/engine-rest/deployment/create", body.contentType(), body.bytes());
	}

	// what Camunda Modeler sends with every deployment
	private static Multipart modelerDeployment() {
		return new Multipart().field("deployment-name", "greenlight")
			.field("deployment-source", "Camunda Modeler")
			.field("deploy-changed-only", "false");
	}

	private static String edited(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).as(file.toString()).containsOnlyOnce(from);
		return content.replace(from, to);
	}

	private static JsonNode only(JsonNode definitions) {
		assertThat(definitions).as("deployed definitions").hasSize(1);
		return definitions.elements().next();
	}

	private JsonNode latest(String kind, String key) {
		Http.Response response = this.http.get(Users.OPS, "/engine-rest/" + kind + "/key/" + key);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode stages(String assetId) {
		Http.Response response = this.http.get(Users.PRODUCER, "/api/assets/" + assetId + "/review-stages");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private void awaitOutcome(String assetId, int stage, String outcome) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> outcome.equals(stages(assetId).path(stage).path("outcome").asText()));
	}

	private long deployments() {
		return this.http.get(Users.OPS, "/engine-rest/deployment/count").json().get("count").asLong();
	}

}
