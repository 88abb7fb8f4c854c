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
		String v1 = this.productions.latestVersionId(assetId);
		assertThat(this.productions.decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", "Colours off").status())
			.isEqualTo(204);
		Http.Response changes = this.productions.decide(Users.REVIEWER2, v1, "CHANGES_REQUESTED", "Logo too small");
		assertThat(changes.status()).as(changes.body()).isEqualTo(204);
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Bigger logo"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		// when reviewer1 decides on v1 again
		Http.Response late = this.productions.decide(Users.REVIEWER1, v1, "APPROVED", null);

		// then it is refused, naming v2, and nothing is recorded
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asText()).contains("v1 of Decision spot is superseded by v2");
		assertThat(this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("decisions")).hasSize(3);
	}

	@Test
	void aBadDecisionIsA400AndTheTaskStaysOpen() {
		String assetId = this.productions.inInternalReview("Bad decision");
		String v1 = this.productions.latestVersionId(assetId);

		Http.Response noComment = this.productions.decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", null);
		Http.Response unknown = this.productions.decide(Users.REVIEWER1, v1, "MAYBE", null);
		Http.Response notTheirs = this.productions.decide(Users.CREATIVE, v1, "APPROVED", null);

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
		// given a social post whose internal stage (ANY) settled at reviewer1's decision
		String assetId = this.productions.socialPostSettledWithoutReviewer2("Late spot");
		String v1 = this.productions.latestVersionId(assetId);

		// when reviewer2, whose review was withdrawn, still says something
		Http.Response late = this.productions.decide(Users.REVIEWER2, v1, "APPROVED_WITH_CHANGES",
				"Nice, trim the intro");

		// then it is kept, marked late, once
		assertThat(late.status()).as(late.body()).isEqualTo(202);
		assertThat(late.json().get("late").asBoolean()).isTrue();
		assertThat(late.json().get("stageOutcome").asText()).isEqualTo("CHANGES_REQUESTED");
		assertThat(this.productions.decide(Users.REVIEWER2, v1, "APPROVED", null).status()).isEqualTo(409);
		JsonNode decisions = this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("decisions");
		assertThat(decisions).anySatisfy(decision -> {
			assertThat(decision.get("decidedBy").asText()).isEqualTo(Users.REVIEWER2);
			assertThat(decision.get("late").asBoolean()).isTrue();
		});

		// and the reviewers of version 2 see it
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "Shorter"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		JsonNode shown = this.http
			.get(Users.REVIEWER1, "/api/versions/" + this.productions.latestVersionId(assetId) + "/late-feedback")
			.json();
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).get("comment").asText()).isEqualTo("Nice, trim the intro");
		assertThat(shown.get(0).get("versionId").asText()).isEqualTo(v1);
	}

}
