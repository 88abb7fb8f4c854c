package io.greenlight.production;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey that must always work, over real HTTP as the demo users: a brief comes in,
 * is approved, v1 is produced, an internal reviewer requests changes, v2 is produced,
 * everyone approves, v2 is locked and delivered. The server's own job executor runs the
 * async steps.
 */
@ServerIT
class ProductionJourneyIT {

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	ProductionJourneyIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void briefToDeliveredWithOneRoundOfChanges() {
		// a producer posts the brief and approves it
		String assetId = this.productions.start("Journey spot");
		// every task's name ends with the production's reference, which people quote
		String ref = " (" + this.productions.reference(assetId) + ")";
		assertThat(ref).matches(" \\(ACME-SUMMER-\\d{4}\\)");
		JsonNode approveBrief = this.productions.awaitTask(Users.PRODUCER, assetId, "UserTask_ApproveBrief");
		assertThat(approveBrief.get("name").asText()).isEqualTo("Approve brief: Journey spot" + ref);
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED", "briefComment", "Clear brief"));

		// the creative produces v1; reviewer1 approves, reviewer2 requests changes
		JsonNode produce = this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		assertThat(produce.get("name").asText()).isEqualTo("Produce version: Journey spot v1" + ref);
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut", "fileLink", "https://files.example/journey-v1.mp4"));
		JsonNode review = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		assertThat(review.get("name").asText()).isEqualTo("Internal review: Journey spot v1" + ref);
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "The logo is too small at 0:12"));

		// they disagree: the producer sees both sides and decides for changes
		JsonNode conflict = this.productions.awaitTask(Users.PRODUCER, assetId, "UserTask_ResolveConflictingFeedback");
		assertThat(conflict.get("name").asText()).isEqualTo("Resolve conflicting feedback: Journey spot v1" + ref);
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ResolveConflictingFeedback",
				Map.of("resolution", "CHANGES_REQUESTED", "resolutionComment", "Bigger logo; the rest stays"));

		// the producer sees the changes requested on the asset while the creative revises
		JsonNode revise = this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		assertThat(revise.get("name").asText()).isEqualTo("Produce version: Journey spot v2" + ref);
		assertThat(asset(Users.PRODUCER, assetId).at("/asset/status").asText()).isEqualTo("CHANGES_REQUESTED");

		// v2, approved by everyone
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Bigger logo"));
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		JsonNode clientReview = this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		assertThat(clientReview.get("name").asText()).isEqualTo("Client review: Journey spot v2" + ref);
		this.productions.review(Users.CLIENT, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));

		// then: delivered, v2 approved and locked, v1 superseded, every decision on
		// record
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DELIVERED".equals(asset(Users.PRODUCER, assetId).at("/asset/status").asText()));
		JsonNode asset = asset(Users.PRODUCER, assetId);
		assertThat(asset.at("/latestVersion/number").asInt()).isEqualTo(2);
		assertThat(asset.at("/latestVersion/status").asText()).isEqualTo("APPROVED");
		assertThat(asset.at("/latestVersion/locked").asBoolean()).isTrue();
		assertThat(asset.at("/asset/approvedVersionId").asText()).isEqualTo(asset.at("/latestVersion/id").asText());
		assertThat(asset.at("/versions/0/status").asText()).isEqualTo("SUPERSEDED");
		assertThat(asset.get("decisions")).hasSize(6);
		assertThat(asset.get("decisions").toString()).contains("The logo is too small at 0:12");

		// and the history Cockpit shows has the production completed at "Delivered" and
		// its
		// review stages, for the producer and for creative-ops
		for (String user : new String[] { Users.PRODUCER, Users.OPS }) {
			// the asset is delivered before the instance's last steps (its end event and
			// the notification after it) have run: wait for them
			Http.Response history = await("the production's instance completed").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(300))
				.until(() -> this.http.get(user,
						"/engine-rest/history/process-instance?maxResults=5"
								+ "&processDefinitionKey=CreativeProductionProcess&processInstanceBusinessKey="
								+ this.productions.reference(assetId)),
						response -> response.body().contains("\"state\":\"COMPLETED\""));
			assertThat(history.json()).as(user).hasSize(1);
			// each review stage is a child instance: v1 internal, v2 internal, v2 client
			Http.Response stages = this.http.get(user,
					"/engine-rest/history/process-instance?maxResults=5"
							+ "&processDefinitionKey=StakeholderReviewProcess&processInstanceBusinessKey="
							+ this.productions.reference(assetId));
			assertThat(stages.json()).as(user).hasSize(3);
			assertThat(history.json().get(0).get("state").asText()).isEqualTo("COMPLETED");
			String instanceId = history.json().get(0).get("id").asText();
			Http.Response ended = this.http.get(user, "/engine-rest/history/activity-instance?maxResults=5"
					+ "&activityId=EndEvent_Delivered&processInstanceId=" + instanceId);
			assertThat(ended.json()).as(user).hasSize(1);
		}
	}

	@Test
	void theClientSeesTheirProjectsAssetsButAnOutsiderGets404() {
		String assetId = this.productions.start("Outsider check");

		assertThat(this.http.get(Users.CLIENT, "/api/assets/" + assetId).status()).isEqualTo(200);
		Http.Response outsider = this.http.get(Users.REVIEWER3, "/api/assets/" + assetId);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.json().get("detail").asText()).contains("No asset");
		assertThat(this.http.get(Users.REVIEWER3, "/api/assets").json().toString()).doesNotContain(assetId);
	}

	@Test
	void anInvalidBriefIsRefusedWithWhatToFix() {
		Http.Response missing = postBrief("", "ACME-SUMMER", "VIDEO", "2020-01-01");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("detail").asText()).contains("title must not be blank")
			.contains("dueDate must be a date in the present or in the future");

		Http.Response badType = postBrief("Hologram", "ACME-SUMMER", "HOLOGRAM", "2030-01-01");
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.json().get("detail").asText()).contains("Invalid value 'HOLOGRAM' for deliverableType")
			.contains("VIDEO");

		Http.Response unknownProject = postBrief("Lost", "NO-SUCH", "VIDEO", "2030-01-01");
		assertThat(unknownProject.status()).isEqualTo(400);
		assertThat(unknownProject.json().get("detail").asText()).contains("No project with code 'NO-SUCH'");
		assertThat(this.http.get(Users.PRODUCER, "/api/assets").json().toString()).doesNotContain("\"Lost\"");
	}

	private Http.Response postBrief(String title, String projectCode, String deliverableType, String dueDate) {
		return this.http.postJson(Users.PRODUCER, "/api/productions", """
				{"title": "%s", "projectCode": "%s", "deliverableType": "%s", "channel": "WEB",
				 "dueDate": "%s", "description": "A brief"}""".formatted(title, projectCode, deliverableType, dueDate));
	}

	private JsonNode asset(String user, String assetId) {
		Http.Response response = this.http.get(user, "/api/assets/" + assetId);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
