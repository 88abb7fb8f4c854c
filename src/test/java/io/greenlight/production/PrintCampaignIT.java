package io.greenlight.production;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A production on the shipped PrintCampaignProcess, started over {@code POST
 * /api/productions} with {@code "workflow"}: legal and brand decide side by side through
 * the API, each stage's outcome variable out of every caller's reach, then the client
 * signs off. And the workflows a brief may not name.
 */
@ServerIT
class PrintCampaignIT {

	private static final String LEGAL = "legal";

	private final Http http;

	private final ProductionDriver productions;

	PrintCampaignIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void legalAndBrandDecideSideBySideAndTheClientSignsOff() {
		// given a print campaign whose first version is in legal and brand review
		Http.Response started = start("PrintCampaignProcess");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String assetId = started.json().get("assetId").asText();
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		String versionId = this.productions.latestVersionId(assetId);

		// when the legal reviewer approves through the API
		decide(LEGAL, versionId, "APPROVED");
		String production = production(assetId);
		awaitVariable(production, "legalOutcome", "APPROVED");

		// then the producer cannot turn legal's outcome into a request for changes,
		// nor settle brand's before it is decided
		Http.Response forged = this.http.postJson(Users.PRODUCER,
				"/engine-rest/process-instance/" + production + "/variables",
				"{\"modifications\": {\"legalOutcome\": {\"value\": \"CHANGES_REQUESTED\"}}}");
		assertRefused(forged, "legalOutcome");
		Http.Response preempted = this.http.send(this.http
			.request(Users.PRODUCER, "/engine-rest/process-instance/" + production + "/variables/brandOutcome")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"APPROVED\"}")));
		assertRefused(preempted, "brandOutcome");
		// and a brand reviewer cannot slip it into their own review's completion
		JsonNode review = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		Http.Response slipped = this.productions.complete(Users.REVIEWER1, review.get("id").asText(),
				Map.of("decision", "APPROVED", "legalOutcome", "CHANGES_REQUESTED"));
		assertRefused(slipped, "legalOutcome");
		assertThat(variable(production, "legalOutcome")).isEqualTo("APPROVED");
		assertThat(variable(production, "brandOutcome")).isNull();
		assertThat(this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset").get("id").asText())
			.isEqualTo(review.get("id").asText());

		// when brand approves through the API, the client signs off
		decide(Users.REVIEWER1, versionId, "APPROVED");
		this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		decide(Users.CLIENT, versionId, "APPROVED");

		// then the asset is delivered with that version
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DELIVERED".equals(asset(assetId).at("/asset/status").asText()));
		assertThat(asset(assetId).at("/asset/approvedVersionId").asText()).isEqualTo(versionId);
	}

	@Test
	void anUnknownWorkflowIsRefusedNamingTheOnesToUse() {
		Http.Response response = start("NoSuchCampaignProcess");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("detail").asText()).contains("'NoSuchCampaignProcess'",
				"CreativeProductionProcess", "PrintCampaignProcess");
	}

	@Test
	void aWorkflowThatIsNoProductionIsRefused() {
		Http.Response response = start("StakeholderReviewProcess");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("detail").asText())
			.contains("'StakeholderReviewProcess' is not a production workflow", "PrintCampaignProcess");
	}

	@Test
	void aProductionWorkflowProducersWereNotGrantedIsForbidden() {
		// given a production workflow creative-ops deployed without granting producers
		String processId = "Ungranted" + UUID.randomUUID().toString().substring(0, 8) + "Process";
		String deploymentId = deploy(processId);
		try {
			Http.Response response = start(processId);

			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(this.http.get(Users.OPS, "/engine-rest/process-instance/count?processDefinitionKey=" + processId)
				.json()
				.get("count")
				.asInt()).isZero();
		}
		finally {
			this.http.send(
					this.http.request(Users.OPS, "/engine-rest/deployment/" + deploymentId + "?cascade=true").DELETE());
		}
	}

	private Http.Response start(String workflow) {
		return this.http.postJson(Users.PRODUCER, "/api/productions", """
				{"title": "Bus shelter poster %s", "projectCode": "ACME-SUMMER", "deliverableType": "IMAGE",
				 "channel": "OUT_OF_HOME", "dueDate": "2030-01-31", "description": "Six sheets",
				 "workflow": "%s"}""".formatted(UUID.randomUUID(), workflow));
	}

	private void decide(String user, String versionId, String decision) {
		Http.Response response = this.productions.decide(user, versionId, decision, null);
		assertThat(response.status()).as(response.body()).isEqualTo(204);
	}

	private String production(String assetId) {
		JsonNode instances = this.http
			.get(Users.PRODUCER,
					"/engine-rest/process-instance?maxResults=10&processDefinitionKey=PrintCampaignProcess"
							+ "&businessKey=" + this.productions.reference(assetId))
			.json();
		assertThat(instances).hasSize(1);
		return instances.get(0).get("id").asText();
	}

	private String variable(String production, String name) {
		Http.Response response = this.http.get(Users.OPS,
				"/engine-rest/process-instance/" + production + "/variables/" + name);
		return (response.status() == 200) ? response.json().get("value").asText() : null;
	}

	private void awaitVariable(String production, String name, String value) {
		await().atMost(Duration.ofSeconds(30)).until(() -> value.equals(variable(production, name)));
	}

	private static void assertRefused(Http.Response response, String variable) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("'" + variable + "'", "set by Greenlight");
	}

	private JsonNode asset(String assetId) {
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json();
	}

	// the smallest production workflow: its brief becomes an asset, and it ends
	private String deploy(String processId) {
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Ungranted"
				    targetNamespace="http://greenlight.io/bpmn">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_BriefSubmitted" />
				    <bpmn:serviceTask id="ServiceTask_RegisterBrief"
				        camunda:delegateExpression="${registerBriefDelegate}" />
				    <bpmn:endEvent id="EndEvent_Registered" />
				    <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_BriefSubmitted"
				        targetRef="ServiceTask_RegisterBrief" />
				    <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="ServiceTask_RegisterBrief"
				        targetRef="EndEvent_Registered" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(processId);
		Multipart body = new Multipart().field("deployment-name", processId)
			.field("deployment-source", "Camunda Modeler")
			.file(processId + ".bpmn", processId + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
		Http.Response deployed = this.http.post(Users.OPS, "/engine-rest/deployment/create", body.contentType(),
				body.bytes());
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		return deployed.json().get("id").asText();
	}

}
