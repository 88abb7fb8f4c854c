package io.greenlight.asset;

import java.util.List;
import java.util.Map;

import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing assets as a producer and a reviewer use it: "awaiting my review", by status and
 * stage, a page at a time, only their own projects; and the OpenAPI description of it
 * all.
 */
@ServerIT
class AssetListIT {

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	AssetListIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void reviewersFindWhatAwaitsThemAndProducersFilterByStatusAndStage() {
		// given one production in internal review and one brief waiting for approval
		String inReview = this.productions.inInternalReview("List in review");
		String brief = this.productions.start("List brief");

		// then
		assertThat(list(Users.REVIEWER1, "?awaitingMyReview=true")).contains(inReview).doesNotContain(brief);
		assertThat(list(Users.CLIENT, "?awaitingMyReview=true")).doesNotContain(inReview);
		assertThat(list(Users.PRODUCER, "?status=BRIEF_SUBMITTED")).contains(brief).doesNotContain(inReview);
		assertThat(list(Users.PRODUCER, "?stage=INTERNAL_REVIEW")).contains(inReview).doesNotContain(brief);
		assertThat(this.http.get(Users.PRODUCER, "/api/assets?size=1&page=0").json()).hasSize(1);
		assertThat(list(Users.REVIEWER3, "")).doesNotContain(inReview).doesNotContain(brief);
	}

	@Test
	void awaitingMyReviewIsNewestFirstAndEveryItemIsReachedByPaging() {
		// given three productions started one after the other, each in reviewer1's review
		String first = this.productions.inInternalReview("Queue first");
		String second = this.productions.inInternalReview("Queue second");
		String third = this.productions.inInternalReview("Queue third");

		// then reviewer1's pages of two hold the newest first, and the next page the
		// oldest
		assertThat(ids(Users.REVIEWER1, "?awaitingMyReview=true&size=2&page=0")).containsExactly(third, second);
		assertThat(ids(Users.REVIEWER1, "?awaitingMyReview=true&size=2&page=1")).startsWith(first);
		// and once reviewer1 decided on the newest, it no longer awaits them
		this.productions.review(Users.REVIEWER1, third, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		assertThat(ids(Users.REVIEWER1, "?awaitingMyReview=true&size=2&page=0")).containsExactly(second, first);
		assertThat(ids(Users.REVIEWER2, "?awaitingMyReview=true&size=3&page=0")).containsExactly(third, second, first);
	}

	@Test
	void badFiltersSayWhatIsWrong() {
		Http.Response status = this.http.get(Users.PRODUCER, "/api/assets?status=NOPE");
		Http.Response size = this.http.get(Users.PRODUCER, "/api/assets?size=500");

		assertThat(status.status()).isEqualTo(400);
		assertThat(status.json().get("detail").asText()).contains("Invalid value 'NOPE' for status: use one of")
			.contains("IN_REVIEW");
		assertThat(size.status()).isEqualTo(400);
		assertThat(size.json().get("detail").asText()).contains("size must be less than or equal to 200");
	}

	@Test
	void theApiIsDescribedForSignedInUsers() {
		assertThat(this.http.get(null, "/v3/api-docs").status()).isEqualTo(401);

		Http.Response description = this.http.get(Users.PRODUCER, "/v3/api-docs");

		assertThat(description.status()).isEqualTo(200);
		assertThat(description.json().get("paths").has("/api/assets/{assetId}")).isTrue();
		assertThat(description.json().get("paths").has("/api/versions/{versionId}/comments")).isTrue();
		assertThat(description.json().get("paths").has("/api/productions")).isTrue();
	}

	private List<String> ids(String user, String query) {
		Http.Response response = this.http.get(user, "/api/assets" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().findValuesAsText("id");
	}

	private String list(String user, String query) {
		Http.Response response = this.http.get(user, "/api/assets" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
