package io.greenlight.production;

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

/**
 * Decisions through Greenlight's API are about exactly one version: the latest one. A
 * decision on a superseded version is refused with the latest version's number; bad
 * decisions get 400.
 */
@ServerIT
class ReviewDecisionIT {

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	ReviewDecisionIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void aDecisionOnASupersededVersionIsRefusedAndNamesTheLatest() {
		// given v1 sent back with changes and v2 in review
		String assetId = this.productions.inInternalReview("Decision spot");
		String v1 = latestVersionId(assetId);
		assertThat(decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", "Colours off").status()).isEqualTo(204);
		Http.Response changes = decide(Users.REVIEWER2, v1, "CHANGES_REQUESTED", "Logo too small");
		assertThat(changes.status()).as(changes.body()).isEqualTo(204);
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Bigger logo"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		// when reviewer1 decides on v1 again
		Http.Response late = decide(Users.REVIEWER1, v1, "APPROVED", null);

		// then it is refused, naming v2, and nothing is recorded
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asText()).contains("v1 of Decision spot is superseded by v2");
		assertThat(this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("decisions")).hasSize(3);
	}

	@Test
	void aBadDecisionIsA400AndTheTaskStaysOpen() {
		String assetId = this.productions.inInternalReview("Bad decision");
		String v1 = latestVersionId(assetId);

		Http.Response noComment = decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", null);
		Http.Response unknown = decide(Users.REVIEWER1, v1, "MAYBE", null);
		Http.Response notTheirs = decide(Users.CREATIVE, v1, "APPROVED", null);

		assertThat(noComment.status()).isEqualTo(400);
		assertThat(noComment.json().get("detail").asText()).contains("a comment is required when you request changes");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asText()).contains("Unknown decision 'MAYBE'");
		assertThat(notTheirs.status()).isEqualTo(409);
		assertThat(notTheirs.json().get("detail").asText()).contains("You have no open review of v1");
		assertThat(this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset")).isNotNull();
	}

	@Test
	void feedbackFromAReviewerWhoseStageSettledWithoutThemIsKeptLateAndShownWithTheNextVersion() {
		// given a social post: its internal stage settles at the first decision (ANY)
		String assetId = this.productions.start("Late spot", "SOCIAL");
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER2, assetId, "UserTask_ReviewAsset");
		String v1 = latestVersionId(assetId);
		assertThat(decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", "Too long").status()).isEqualTo(204);
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");

		// when reviewer2, whose review was withdrawn, still says something
		Http.Response late = decide(Users.REVIEWER2, v1, "APPROVED_WITH_CHANGES", "Nice, trim the intro");

		// then it is kept, marked late, once
		assertThat(late.status()).as(late.body()).isEqualTo(202);
		assertThat(late.json().get("late").asBoolean()).isTrue();
		assertThat(late.json().get("stageOutcome").asText()).isEqualTo("CHANGES_REQUESTED");
		assertThat(decide(Users.REVIEWER2, v1, "APPROVED", null).status()).isEqualTo(409);
		JsonNode decisions = this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("decisions");
		assertThat(decisions).anySatisfy(decision -> {
			assertThat(decision.get("decidedBy").asText()).isEqualTo(Users.REVIEWER2);
			assertThat(decision.get("late").asBoolean()).isTrue();
		});

		// and the reviewers of version 2 see it
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Shorter"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		JsonNode shown = this.http.get(Users.REVIEWER1, "/api/versions/" + latestVersionId(assetId) + "/late-feedback")
			.json();
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).get("comment").asText()).isEqualTo("Nice, trim the intro");
		assertThat(shown.get(0).get("versionId").asText()).isEqualTo(v1);
	}

	private Http.Response decide(String user, String versionId, String decision, String comment) {
		String json = (comment == null) ? "{\"decision\": \"%s\"}".formatted(decision)
				: "{\"decision\": \"%s\", \"comment\": \"%s\"}".formatted(decision, comment);
		return this.http.postJson(user, "/api/versions/" + versionId + "/decisions", json);
	}

	private String latestVersionId(String assetId) {
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().at("/latestVersion/id").asText();
	}

}
