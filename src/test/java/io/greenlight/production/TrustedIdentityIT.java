package io.greenlight.production;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who acts is the signed-in user, and every decision on record was made by the reviewer
 * of the task, on the version the task's stage is about: the attacks reported in issue 10
 * and their variants, over engine REST as an outside tester would try them.
 */
@ServerIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedIdentityIT {

	private final Http http;

	private final ProductionDriver productions;

	private OtherClient bolt;

	TrustedIdentityIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@BeforeAll
	void anotherClientHasAVersion() {
		this.bolt = OtherClient.setUp(this.http, this.productions);
	}

	@Test
	void aProducerStartsProductionsAsHimselfOnlyAndOnlyInHisOwnProjects() {
		// when Acme's producer starts a production in Bolt's project, claiming to be ops
		String title = "Sneaky " + UUID.randomUUID().toString().substring(0, 8);
		Http.Response asOps = start(Users.PRODUCER,
				brief(title, this.bolt.projectCode(), ", \"initiator\": {\"value\": \"ops\"}"));

		// then it is refused, naming the variable
		assertThat(asOps.status()).as(asOps.body()).isEqualTo(403);
		assertThat(asOps.json().get("message").asText()).contains("'initiator'");

		// and as himself, Bolt's project is not among his
		Http.Response asHimself = start(Users.PRODUCER, brief(title, this.bolt.projectCode(), ""));
		assertThat(asHimself.status()).as(asHimself.body()).isGreaterThanOrEqualTo(400);
		assertThat(asHimself.json().get("message").asText())
			.contains("No project with code '" + this.bolt.projectCode() + "' among your projects");

		// so Bolt's project holds only its own production
		assertThat(this.http.get(Users.OPS, "/api/assets?projectId=" + this.bolt.projectId())
			.json()
			.findValuesAsText("title")).hasSize(1).doesNotContain(title);

		// and a production he starts in his own project is requested by him
		Http.Response own = start(Users.PRODUCER, brief("Own " + title, "ACME-SUMMER", ""));
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		JsonNode asset = this.http.get(Users.PRODUCER, "/api/assets/" + own.json().get("businessKey").asText()).json();
		assertThat(asset.at("/asset/requestedBy").asText()).isEqualTo(Users.PRODUCER);
	}

	@Test
	void aClientReviewerCannotTurnTheirReviewIntoAnApprovalOfAnotherClientsAsset() {
		// given Acme's client reviewer has a client review of Acme's v1
		String assetId = this.productions
			.inInternalReview("Client forgery " + UUID.randomUUID().toString().substring(0, 8));
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		String taskId = this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset").get("id").asText();
		JsonNode boltBefore = this.http.get(Users.OPS, "/api/assets/" + this.bolt.assetId()).json();

		// when he points his review task at Bolt's asset and version
		Http.Response asset = putLocal(Users.CLIENT, taskId, "assetId", this.bolt.assetId());
		Http.Response version = putLocal(Users.CLIENT, taskId, "assetVersionId", this.bolt.versionId());

		// then both are refused, naming the variable
		assertThat(asset.status()).as(asset.body()).isEqualTo(403);
		assertThat(asset.json().get("message").asText()).contains("'assetId'");
		assertThat(version.status()).as(version.body()).isEqualTo(403);
		assertThat(version.json().get("message").asText()).contains("'assetVersionId'");

		// and his approval is recorded on Acme's v1 only; Bolt's asset is as it was
		this.productions.review(Users.CLIENT, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		JsonNode acme = this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json();
		JsonNode clientDecision = decisionBy(acme, Users.CLIENT);
		assertThat(clientDecision.get("versionId").asText()).isEqualTo(acme.at("/versions/0/id").asText());
		assertThat(clientDecision.get("stage").asText()).isEqualTo("CLIENT_REVIEW");
		assertThat(this.http.get(Users.OPS, "/api/assets/" + this.bolt.assetId()).json()).isEqualTo(boltBefore);
		assertThat(boltBefore.get("decisions").findValuesAsText("decidedBy")).doesNotContain(Users.CLIENT);
	}

	@Test
	void aReviewHandedToSomeoneWhoDoesNotReviewTheStageRecordsNoDecision() {
		// given reviewer1 hands his review task to reviewer3, who is not on the project
		String assetId = this.productions
			.inInternalReview("Handed over " + UUID.randomUUID().toString().substring(0, 8));
		String taskId = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset").get("id").asText();
		Http.Response handed = this.http.postJson(Users.REVIEWER1, "/engine-rest/task/" + taskId + "/assignee", """
				{"userId": "reviewer3"}""");
		assertThat(handed.status()).as(handed.body()).isEqualTo(204);

		// when reviewer3 approves it
		Http.Response approved = this.productions.complete(Users.REVIEWER3, taskId, Map.of("decision", "APPROVED"));

		// then it is refused (the project's tenant keeps the task from an outsider before
		// the review's own cross-check would), and nothing is recorded: the task stays
		// open
		assertThat(approved.status()).as(approved.body()).isEqualTo(403);
		assertThat(approved.json().get("message").asText()).contains("belongs to a project you are not a member of");
		assertThat(decisionsOf(assetId)).isEmpty();
		assertThat(this.http.get(Users.OPS, "/engine-rest/task/" + taskId).status()).isEqualTo(200);
	}

	@Test
	void aReviewerWhoIsHandedAnotherReviewersTaskCannotDecideTwice() {
		// given reviewer1 hands his review task to reviewer2, who has one of his own
		String assetId = this.productions.inInternalReview("Twice " + UUID.randomUUID().toString().substring(0, 8));
		String taskId = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset").get("id").asText();
		Http.Response handed = this.http.postJson(Users.REVIEWER1, "/engine-rest/task/" + taskId + "/assignee", """
				{"userId": "reviewer2"}""");
		assertThat(handed.status()).as(handed.body()).isEqualTo(204);

		// when reviewer2 approves reviewer1's review
		Http.Response approved = this.productions.complete(Users.REVIEWER2, taskId, Map.of("decision", "APPROVED"));

		// then it is refused: it is reviewer1's say, not a second one of reviewer2's
		assertThat(approved.status()).as(approved.body()).isEqualTo(403);
		assertThat(approved.json().get("message").asText())
			.contains("is reviewer1's review: reviewer2 has a say of their own in this stage");
		assertThat(decisionsOf(assetId)).isEmpty();
	}

	@Test
	void onlyTheReviewerDecidesTheirReviewNotEvenAnAdministrator() {
		// given reviewer1's open review
		String assetId = this.productions.inInternalReview("Admin " + UUID.randomUUID().toString().substring(0, 8));
		String taskId = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset").get("id").asText();

		// when ops, who may complete any task in the engine, approves it
		Http.Response approved = this.productions.complete(Users.OPS, taskId, Map.of("decision", "APPROVED"));

		// then it is refused, naming whose review it is, and the task stays open
		assertThat(approved.status()).as(approved.body()).isEqualTo(403);
		assertThat(approved.json().get("message").asText()).contains("only reviewer1 can decide it, not ops");
		assertThat(decisionsOf(assetId)).isEmpty();
		assertThat(this.http.get(Users.REVIEWER1, "/engine-rest/task/" + taskId).status()).isEqualTo(200);
	}

	private Http.Response start(String user, String variables) {
		return this.http.postJson(user, "/engine-rest/process-definition/key/CreativeProductionProcess/start",
				"{\"variables\": " + variables + "}");
	}

	private static String brief(String title, String projectCode, String more) {
		return """
				{"briefTitle": {"value": "%s"}, "projectCode": {"value": "%s"},
				 "deliverableType": {"value": "VIDEO"}, "channel": {"value": "WEB"},
				 "dueDate": {"value": "2030-01-31"}, "briefDescription": {"value": "Thirty seconds"}%s}"""
			.formatted(title, projectCode, more);
	}

	private Http.Response putLocal(String user, String taskId, String name, String value) {
		return this.http.send(this.http.request(user, "/engine-rest/task/" + taskId + "/localVariables/" + name)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"" + value + "\"}")));
	}

	// review decisions only: the brief's decision is on record too
	private List<JsonNode> decisionsOf(String assetId) {
		List<JsonNode> reviews = new ArrayList<>();
		for (JsonNode decision : this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("decisions")) {
			if (!"BRIEF".equals(decision.get("stage").asText())) {
				reviews.add(decision);
			}
		}
		return reviews;
	}

	private static JsonNode decisionBy(JsonNode asset, String user) {
		for (JsonNode decision : asset.get("decisions")) {
			if (user.equals(decision.get("decidedBy").asText())) {
				return decision;
			}
		}
		throw new AssertionError("No decision by " + user + " in " + asset.get("decisions"));
	}

}
