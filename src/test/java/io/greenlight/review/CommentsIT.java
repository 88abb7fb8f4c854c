package io.greenlight.review;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback tied to the exact version over real HTTP: comments on a frame and a region,
 * threads, mentions, anchors that make no sense refused, and v1's open comments listed
 * next to v2.
 */
@ServerIT
class CommentsIT {

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcClient jdbc;

	@Autowired
	CommentsIT(@LocalServerPort int port, JdbcClient jdbc) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
	}

	@Test
	void commentsOnV1AreListedNextToV2UntilResolved() {
		// given version 1 of a video in internal review
		String assetId = this.productions.inInternalReview("Comment spot");
		String v1 = this.productions.latestVersionId(assetId);

		// when reviewers comment on a frame and on a region of it, and reply in the
		// thread
		JsonNode frame = comment(Users.REVIEWER2, v1, """
				{"body": "The logo is too small here, @creative", "anchor": {"timeMs": 12000}}""");
		JsonNode region = comment(Users.REVIEWER2, v1, """
				{"body": "Move the logo into this corner",
				 "anchor": {"timeMs": 12000, "x": 0.7, "y": 0.05, "w": 0.25, "h": 0.2}}""");
		comment(Users.REVIEWER1, v1, """
				{"body": "Agreed", "parentId": "%s"}""".formatted(frame.get("id").asText()));

		// then v1 shows both threads open, the reply in its thread, and the creative was
		// notified
		JsonNode onV1 = this.http.get(Users.CREATIVE, "/api/versions/" + v1 + "/comments").json();
		assertThat(onV1.get("openCount").asInt()).isEqualTo(2);
		assertThat(onV1.at("/threads/0/comment/anchor/timeMs").asLong()).isEqualTo(12000);
		assertThat(onV1.at("/threads/0/replies/0/body").asText()).isEqualTo("Agreed");
		assertThat(onV1.at("/threads/1/comment/anchor/x").asDouble()).isEqualTo(0.7);
		assertThat(this.jdbc.sql("SELECT recipient FROM notification WHERE event = 'MENTIONED' AND asset_id = ?")
			.param(assetId)
			.query(String.class)
			.list()).containsExactly("creative");

		// when changes are requested and v2 arrives, v1's open comments come with it
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "Agree with the frame comment"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "See my comments on the frame"));
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Bigger logo"));
		String v2 = this.productions.latestVersionId(assetId);
		JsonNode onV2 = this.http.get(Users.REVIEWER2, "/api/versions/" + v2 + "/comments").json();
		assertThat(onV2.get("number").asInt()).isEqualTo(2);
		assertThat(onV2.get("previousNumber").asInt()).isEqualTo(1);
		assertThat(onV2.get("previousOpen")).hasSize(2);

		// and once the reviewer resolves the frame comment, only the region one is left
		// open
		JsonNode resolved = this.http
			.postJson(Users.REVIEWER2, "/api/comments/" + frame.get("id").asText() + "/resolve", "")
			.json();
		assertThat(resolved.get("resolved").asBoolean()).isTrue();
		assertThat(resolved.get("resolvedBy").asText()).isEqualTo("reviewer2");
		JsonNode after = this.http.get(Users.REVIEWER2, "/api/versions/" + v2 + "/comments").json();
		assertThat(after.get("previousOpen")).hasSize(1);
		assertThat(after.at("/previousOpen/0/comment/id").asText()).isEqualTo(region.get("id").asText());

		// reopening brings it back
		this.http.postJson(Users.REVIEWER2, "/api/comments/" + frame.get("id").asText() + "/reopen", "");
		assertThat(this.http.get(Users.REVIEWER2, "/api/versions/" + v2 + "/comments").json().get("previousOpen"))
			.hasSize(2);
	}

	@Test
	void anchorsThatMakeNoSenseAreRefusedWithWhatIsWrong() {
		String assetId = this.productions.inInternalReview("Anchor checks");
		String v1 = this.productions.latestVersionId(assetId);

		Http.Response outside = post(Users.REVIEWER1, v1, """
				{"body": "Here", "anchor": {"x": 0.8, "y": 0.5, "w": 0.4, "h": 0.2}}""");
		Http.Response page = post(Users.REVIEWER1, v1, """
				{"body": "Page 2", "anchor": {"page": 2}}""");
		Http.Response backwards = post(Users.REVIEWER1, v1, """
				{"body": "Range", "anchor": {"timeMs": 5000, "endMs": 4000}}""");
		Http.Response blank = post(Users.REVIEWER1, v1, """
				{"body": "  "}""");
		Http.Response stranger = post(Users.REVIEWER1, v1, """
				{"body": "@reviewer3 what do you think?"}""");

		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("detail").asText()).contains("the region must lie within the frame");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.json().get("detail").asText())
			.contains("a page anchor needs a PDF or document asset, not VIDEO");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("detail").asText()).contains("endMs must be after timeMs");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("detail").asText()).contains("body must not be blank");
		assertThat(stranger.status()).isEqualTo(400);
		assertThat(stranger.json().get("detail").asText()).contains("@reviewer3 is not one");
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments").json().get("threads")).isEmpty();
	}

	@Test
	void aTimecodePastTheEndOfTheVideoIsRefused() {
		// given an uploaded video whose header says it runs 30 seconds
		String assetId = this.productions.waitingForAVersion("Thirty seconds");
		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "spot.mp4",
				TestFiles.mp4Running(30_000), "Final length");
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		assertThat(upload.json().get("durationMs").asLong()).isEqualTo(30_000);
		String v1 = upload.json().get("id").asText();

		// then a comment on its last second is taken, one past its end is not
		assertThat(post(Users.REVIEWER1, v1, """
				{"body": "Last frame: hold the logo", "anchor": {"timeMs": 29500}}""").status()).isEqualTo(201);
		Http.Response late = post(Users.REVIEWER1, v1, """
				{"body": "After the end?", "anchor": {"timeMs": 45000}}""");
		Http.Response range = post(Users.REVIEWER1, v1, """
				{"body": "Fade out", "anchor": {"timeMs": 28000, "endMs": 31000}}""");
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("detail").asText())
			.contains("the version runs 30000 ms: timeMs 45000 is past its end");
		assertThat(range.status()).isEqualTo(400);
		assertThat(range.json().get("detail").asText()).contains("endMs 31000 is past its end");
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments").json().get("threads"))
			.hasSize(1);
	}

	@Test
	void someoneOutsideTheProjectCannotReadOrAddComments() {
		String assetId = this.productions.inInternalReview("Private feedback");
		String v1 = this.productions.latestVersionId(assetId);

		assertThat(this.http.get(Users.REVIEWER3, "/api/versions/" + v1 + "/comments").status()).isEqualTo(404);
		assertThat(post(Users.REVIEWER3, v1, "{\"body\": \"Sneaky\"}").status()).isEqualTo(404);
	}

	private JsonNode comment(String user, String versionId, String json) {
		Http.Response response = post(user, versionId, json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private Http.Response post(String user, String versionId, String json) {
		return this.http.postJson(user, "/api/versions/" + versionId + "/comments", json);
	}

}
