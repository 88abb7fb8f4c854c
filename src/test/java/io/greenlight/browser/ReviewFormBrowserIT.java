package io.greenlight.browser;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.greenlight.support.TestFiles.MP4_HEADER;
import static io.greenlight.support.TestFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review form in Tasklist answers "which version, where is the file, what is still
 * open": a reviewer sees the title and number of the version, a link that downloads its
 * file, and how many comments are open on it and on the version before, as comments are
 * added and resolved through the API.
 */
@ServerIT
class ReviewFormBrowserIT {

	private static final String MY_TASKS = "My tasks";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	ReviewFormBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void theReviewFormShowsTheVersionItsFileAndWhatIsStillOpen() {
		// given v1 uploaded, and reviewer2 commenting on a frame and on a region of it
		String title = "Form facts " + System.nanoTime() % 100000;
		String assetId = this.productions.waitingForAVersion(title);
		String v1 = uploaded(assetId, "cut-1.mp4", 1);
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		comment(Users.REVIEWER2, v1, """
				{"body": "The logo is too small at 12 s", "anchor": {"timeMs": 12000}}""");
		String region = comment(Users.REVIEWER2, v1, """
				{"body": "Move the logo into this corner",
				 "anchor": {"timeMs": 12000, "x": 0.7, "y": 0.05, "w": 0.25, "h": 0.2}}""");

		// then reviewer1's form names v1, links its file and counts both open comments
		Browser browser = this.browsers.open(this.port);
		Tasklist reviewer1 = Tasklist.signIn(browser, Users.REVIEWER1, Users.PASSWORD);
		Tasklist.Task review = reviewer1.open(MY_TASKS, "Internal review: " + title + " v1");
		CamundaForm form = review.form();
		assertThat(form.awaitText("Review " + title + " v1")).contains("Open comments on v1: 2.")
			.doesNotContain("Still open");
		assertThat(form.linkHref("Open the review room")).endsWith("/review/" + v1);
		assertThat(form.linkHref("Open the file")).endsWith("/api/versions/" + v1 + "/file");
		assertThat(form.linkHref("Read the comments")).endsWith("/api/versions/" + v1 + "/comments");

		// when both reviewers ask for changes (reviewer1 in the form) and v2 arrives
		form.choose("Decision", "Request changes").type("Comment", "Fix both comments");
		review.complete();
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "See my two comments"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		String v2 = uploaded(assetId, "cut-2.mp4", 2);
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		// then the v2 form shows v1's two open comments next to v2, and one fewer once
		// one of them is resolved
		review = reviewer1.open(MY_TASKS, "Internal review: " + title + " v2");
		assertThat(review.form().awaitText("Review " + title + " v2")).contains("Open comments on v2: 0.")
			.contains("Still open on v1: 2, check that each was addressed");
		assertThat(
				this.http.post(Users.REVIEWER2, "/api/comments/" + region + "/resolve", "application/json", new byte[0])
					.status())
			.isEqualTo(200);
		// the reviewer comes back to Tasklist (a fresh page, no task open yet)
		browser.go(Tasklist.PATH);
		review = reviewer1.awaitLoaded().open(MY_TASKS, "Internal review: " + title + " v2");
		assertThat(review.form().awaitText("Review " + title + " v2")).contains("Still open on v1: 1,");
		assertThat(review.form().linkHref("Open the file")).endsWith("/api/versions/" + v2 + "/file");

		// and once everyone approves v2 it is the approved, locked version
		review.form().choose("Decision", "Approve");
		review.complete();
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.CLIENT, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		JsonNode detail = await("v2 approved").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json(),
					json -> v2.equals(json.at("/asset/approvedVersionId").asText()));
		assertThat(detail.at("/versions/1/status").asText()).isEqualTo("APPROVED");
		assertThat(detail.at("/versions/1/locked").asBoolean()).isTrue();
	}

	private String uploaded(String assetId, String fileName, long seed) {
		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, fileName, file(MP4_HEADER, 4096, seed),
				"Cut " + seed);
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		return upload.json().get("id").asText();
	}

	private String comment(String user, String versionId, String json) {
		Http.Response response = this.http.postJson(user, "/api/versions/" + versionId + "/comments", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asText();
	}

}
