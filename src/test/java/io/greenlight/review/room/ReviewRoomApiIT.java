package io.greenlight.review.room;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review room's one call answers what its page shows: which version, where it sits in
 * the stack, who reviews it under which rule and by when, what was decided, and whether
 * the reader can decide now (and why not). Outsiders get the same 404 as everywhere.
 */
@ServerIT
class ReviewRoomApiIT {

	private final Http http;

	private final ProductionDriver productions;

	ReviewRoomApiIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void aReviewerSeesTheVersionTheStageAndThatTheyCanDecide() {
		String assetId = this.productions.inInternalReview("Room facts " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);

		JsonNode room = room(Users.REVIEWER1, v1);

		assertThat(room.at("/me/id").asText()).isEqualTo(Users.REVIEWER1);
		assertThat(room.at("/version/number").asInt()).isEqualTo(1);
		assertThat(room.at("/asset/id").asText()).isEqualTo(assetId);
		assertThat(room.at("/project/code").asText()).isEqualTo("ACME-SUMMER");
		assertThat(room.at("/client/name").asText()).isNotBlank();
		assertThat(room.at("/superseded").asBoolean()).isFalse();
		assertThat(room.at("/latestVersionId").asText()).isEqualTo(v1);
		assertThat(room.at("/previousVersionId").isNull()).isTrue();
		assertThat(room.at("/stack")).singleElement().satisfies(entry -> {
			assertThat(entry.get("current").asBoolean()).isTrue();
			assertThat(entry.get("latest").asBoolean()).isTrue();
		});
		assertThat(room.at("/stages")).singleElement().satisfies(stage -> {
			assertThat(stage.get("stage").asText()).isEqualTo("INTERNAL_REVIEW");
			assertThat(stage.get("decisionRule").asText()).isEqualTo("ALL");
			assertThat(stage.get("running").asBoolean()).isTrue();
			assertThat(stage.get("waitingFor")).extracting(JsonNode::asText)
				.containsExactlyInAnyOrder(Users.REVIEWER1, Users.REVIEWER2);
		});
		assertThat(room.at("/myReview/canDecide").asBoolean()).isTrue();
		assertThat(room.at("/myReview/late").asBoolean()).isFalse();
		assertThat(room.at("/myReview/stage").asText()).isEqualTo("INTERNAL_REVIEW");
		assertThat(room.at("/myReview/dueAt").asText()).isNotBlank();
		assertThat(room.at("/members")).extracting(member -> member.get("id").asText())
			.contains(Users.PRODUCER, Users.REVIEWER1, Users.REVIEWER2, Users.CLIENT)
			.doesNotContain(Users.REVIEWER3);
	}

	@Test
	void aMemberWithoutAReviewAndAReviewerWhoDecidedAreToldWhyTheyCannotDecide() {
		String assetId = this.productions.inInternalReview("Room reasons " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);
		assertThat(this.productions.decide(Users.REVIEWER1, v1, "APPROVED", null).status()).isEqualTo(204);

		JsonNode creative = room(Users.CREATIVE, v1);
		JsonNode decided = room(Users.REVIEWER1, v1);
		JsonNode waiting = room(Users.REVIEWER2, v1);

		assertThat(creative.at("/myReview/canDecide").asBoolean()).isFalse();
		assertThat(creative.at("/myReview/reason").asText()).contains("You have no open review of v1");
		assertThat(decided.at("/myReview/canDecide").asBoolean()).isFalse();
		assertThat(decided.at("/myReview/reason").asText()).contains("You decided on v1").contains("APPROVED");
		assertThat(decided.at("/decisions")).singleElement().satisfies(decision -> {
			assertThat(decision.get("decidedBy").asText()).isEqualTo(Users.REVIEWER1);
			assertThat(decision.get("decision").asText()).isEqualTo("APPROVED");
		});
		assertThat(waiting.at("/stages/0/waitingFor")).extracting(JsonNode::asText).containsExactly(Users.REVIEWER2);
		assertThat(waiting.at("/myReview/canDecide").asBoolean()).isTrue();
	}

	@Test
	void aSupersededVersionNamesTheLatestAndTakesNoDecision() {
		String assetId = this.productions.inInternalReview("Room stack " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);
		assertThat(this.productions.decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", "Colours off").status())
			.isEqualTo(204);
		assertThat(this.productions.decide(Users.REVIEWER2, v1, "CHANGES_REQUESTED", "Logo too small").status())
			.isEqualTo(204);
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Bigger logo"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		String v2 = this.productions.latestVersionId(assetId);

		JsonNode old = room(Users.REVIEWER1, v1);
		JsonNode latest = room(Users.REVIEWER1, v2);

		assertThat(old.at("/superseded").asBoolean()).isTrue();
		assertThat(old.at("/latestVersionId").asText()).isEqualTo(v2);
		assertThat(old.at("/myReview/canDecide").asBoolean()).isFalse();
		assertThat(old.at("/myReview/reason").asText()).contains("superseded by v2");
		assertThat(old.at("/stages/0/outcome").asText()).isEqualTo("CHANGES_REQUESTED");
		assertThat(old.at("/decisions")).hasSize(2);
		assertThat(latest.at("/previousVersionId").asText()).isEqualTo(v1);
		assertThat(latest.at("/stack"))
			.extracting(entry -> entry.get("number").asInt() + ":" + entry.get("current").asBoolean() + ":"
					+ entry.get("latest").asBoolean())
			.containsExactly("1:false:false", "2:true:true");
		assertThat(latest.at("/decisions")).isEmpty();
		assertThat(latest.at("/myReview/canDecide").asBoolean()).isTrue();
	}

	@Test
	void aReviewerWhoseStageSettledWithoutThemCanStillDecideLate() {
		// given a social post whose internal stage (ANY) settled at reviewer1's decision
		String assetId = this.productions.socialPostSettledWithoutReviewer2("Room late " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);

		JsonNode room = room(Users.REVIEWER2, v1);

		assertThat(room.at("/myReview/canDecide").asBoolean()).isTrue();
		assertThat(room.at("/myReview/late").asBoolean()).isTrue();
		assertThat(room.at("/myReview/reason").asText()).contains("kept as late feedback");
	}

	@Test
	void someoneOutsideTheProjectGetsA404AsIfTheVersionDidNotExist() {
		String assetId = this.productions.inInternalReview("Room outsider " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);

		Http.Response outsider = this.http.get(Users.REVIEWER3, "/api/versions/" + v1 + "/room");
		Http.Response unknown = this.http.get(Users.REVIEWER3, "/api/versions/no-such-version/room");

		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.json().get("detail").asText()).isEqualTo("No version " + v1 + " in your projects");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(outsider.body()).doesNotContain("Room outsider");
	}

	@Test
	void theReviewTaskAndTheFeedLeadToTheReviewRoom() {
		String assetId = this.productions.inInternalReview("Room links " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);
		JsonNode task = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		JsonNode formVariables = this.http
			.get(Users.REVIEWER1, "/engine-rest/task/" + task.get("id").asText() + "/form-variables")
			.json();
		JsonNode feed = this.http.get(Users.REVIEWER1, "/api/notifications?size=200").json();

		assertThat(formVariables.at("/reviewRoomUrl/value").asText()).isEqualTo("/review/" + v1);
		assertThat(feed.get("items")).anySatisfy(item -> {
			assertThat(item.get("event").asText()).isEqualTo("REVIEW_REQUESTED");
			assertThat(item.get("reviewRoom").asText()).isEqualTo("/review/" + v1);
		});
	}

	private JsonNode room(String user, String versionId) {
		Http.Response room = this.http.get(user, "/api/versions/" + versionId + "/room");
		assertThat(room.status()).as(room.body()).isEqualTo(200);
		return room.json();
	}

}
