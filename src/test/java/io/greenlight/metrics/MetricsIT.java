package io.greenlight.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics over real HTTP: who may see them, what bad parameters are told, a
 * production of its own counted once it is delivered, and the meters Prometheus scrapes.
 * The server is shared with the other ITs, so figures are asserted for this test's own
 * project only.
 */
@ServerIT
class MetricsIT {

	private static final String TIMER = "greenlight_review_stage_duration_seconds_count"
			+ "{outcome=\"APPROVED\",stage=\"INTERNAL_REVIEW\"}";

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	MetricsIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cycle-times", "revision-rounds", "first-pass", "reviewer-turnaround", "overdue",
			"throughput" })
	void onlyCreativeOpsAndProducersSeeMetrics(String metric) {
		Http.Response reviewer = this.http.get(Users.REVIEWER1, "/api/metrics/" + metric);
		Http.Response ops = this.http.get(Users.OPS, "/api/metrics/" + metric);
		Http.Response producer = this.http.get(Users.PRODUCER, "/api/metrics/" + metric);

		assertThat(reviewer.status()).as(reviewer.body()).isEqualTo(403);
		assertThat(reviewer.json().get("detail").asText())
			.startsWith("Metrics are for creative-ops and for producers of a project");
		assertThat(ops.status()).as(ops.body()).isEqualTo(200);
		assertThat(producer.status()).as(producer.body()).isEqualTo(200);
		assertThat(ops.json().at("/period/to").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(ops.json().at("/period/from").asText())
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString());
		assertThat(this.http.get(null, "/api/metrics/" + metric).status()).isEqualTo(401);
	}

	@Test
	void badParametersAreRefusedWithWhatToFix() {
		assertThat(detail("/api/metrics/cycle-times?from=2026-03-31&to=2026-03-01"))
			.isEqualTo("The period starts after it ends: from 2026-03-31 is after to 2026-03-01. Swap them.");
		assertThat(detail("/api/metrics/throughput?from=2023-01-01&to=2026-01-01"))
			.isEqualTo("The period from 2023-01-01 to 2026-01-01 is longer than 2 years: "
					+ "ask for 2 years or less at a time.");
		assertThat(detail("/api/metrics/overdue?to=31.12.2026"))
			.isEqualTo("Invalid value '31.12.2026' for to: use a date like 2026-11-30 (year-month-day).");
		assertThat(detail("/api/metrics/first-pass?assetType=HOLOGRAM")).isEqualTo(
				"Invalid value 'HOLOGRAM' for assetType: use one of [VIDEO, IMAGE, AUDIO, PDF, DOCUMENT, OTHER].");
	}

	@Test
	void aDeliveredProductionIsCountedInItsProjectsMetricsAndTheStageTimer() {
		// given another client's project (ops is its producer), its v1 in internal review
		OtherClient bolt = OtherClient.setUp(this.http, this.productions);
		double settledBefore = scrapedValue(TIMER);

		// when reviewer3 approves internally and the client reviewer approves: delivered
		Http.Response internal = this.productions.decide(Users.REVIEWER3, bolt.versionId(), "APPROVED", null);
		assertThat(internal.status()).as(internal.body()).isEqualTo(204);
		this.productions.awaitTask(bolt.clientReviewer(), bolt.assetId(), "UserTask_ReviewAsset");
		Http.Response client = this.productions.decide(bolt.clientReviewer(), bolt.versionId(), "APPROVED", null);
		assertThat(client.status()).as(client.body()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DELIVERED"
				.equals(this.http.get(Users.OPS, "/api/assets/" + bolt.assetId()).json().at("/asset/status").asText()));

		// then: its project's figures, to creative-ops and to its producer (ops)
		String project = "?projectId=" + bolt.projectId();
		JsonNode rounds = ok(Users.OPS, "/api/metrics/revision-rounds" + project);
		assertThat(rounds.at("/summary/approvedAssets").asLong()).isEqualTo(1);
		assertThat(rounds.at("/summary/averageVersions").asDouble()).isEqualTo(1.0);
		assertThat(rounds.at("/distribution/0/versions").asInt()).isEqualTo(1);
		JsonNode firstPass = ok(Users.OPS, "/api/metrics/first-pass" + project);
		assertThat(firstPass.get("firstPassRate").asDouble()).isEqualTo(1.0);
		JsonNode cycleTimes = ok(Users.OPS, "/api/metrics/cycle-times" + project + "&assetType=VIDEO");
		assertThat(cycleTimes.at("/stages/4/stage").asText()).isEqualTo("OVERALL");
		assertThat(cycleTimes.at("/stages/4/count").asLong()).isEqualTo(1);
		assertThat(cycleTimes.at("/stages/4/medianHours").isNumber()).isTrue();
		JsonNode turnaround = ok(Users.OPS, "/api/metrics/reviewer-turnaround" + project);
		assertThat(turnaround.get("reviewers").findValuesAsText("reviewer")).containsExactly(bolt.clientReviewer(),
				Users.REVIEWER3);
		JsonNode throughput = ok(Users.OPS, "/api/metrics/throughput" + project);
		assertThat(throughput.get("approvedAssets").asLong()).isEqualTo(1);
		assertThat(throughput.get("deliveredAssets").asLong()).isEqualTo(1);
		JsonNode overdue = ok(Users.OPS, "/api/metrics/overdue" + project);
		assertThat(overdue.at("/stages/0/settled").asLong()).isEqualTo(1);
		assertThat(overdue.at("/stages/0/running").asLong()).isZero();

		// and the demo producer, not a producer of that project, is refused it
		Http.Response producer = this.http.get(Users.PRODUCER, "/api/metrics/first-pass" + project);
		assertThat(producer.status()).isEqualTo(403);
		assertThat(producer.json().get("detail").asText())
			.isEqualTo("You see the metrics of the projects you are a producer of, and project " + bolt.projectId()
					+ " is not one of them: leave projectId out to see all of yours.");

		// and the internal stage's duration was recorded as it settled
		assertThat(scrapedValue(TIMER)).isGreaterThanOrEqualTo(settledBefore + 1);
	}

	@Test
	void prometheusShowsThePipelineGaugesAndTheStageTimer() {
		Http.Response scrape = this.http.get(Users.OPS, "/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).contains("greenlight_review_stages_running ")
			.contains("greenlight_review_stages_overdue ")
			.contains("greenlight_assets_in_stage{stage=\"BRIEF\"}")
			.contains("greenlight_assets_in_stage{stage=\"INTERNAL_REVIEW\"}")
			.contains("greenlight_review_stage_duration_seconds_bucket{outcome=\"CHANGES_REQUESTED\","
					+ "stage=\"CLIENT_REVIEW\",le=\"86400.0\"}")
			.contains(TIMER);
		assertThat(this.http.get(Users.PRODUCER, "/actuator/prometheus").status()).isEqualTo(403);
	}

	private String detail(String path) {
		Http.Response response = this.http.get(Users.OPS, path);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return response.json().get("detail").asText();
	}

	private JsonNode ok(String user, String path) {
		Http.Response response = this.http.get(user, path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private double scrapedValue(String series) {
		String body = this.http.get(Users.OPS, "/actuator/prometheus").body();
		Matcher value = Pattern.compile(Pattern.quote(series) + " (\\S+)").matcher(body);
		assertThat(value.find()).as(series + " in the scrape").isTrue();
		return Double.parseDouble(value.group(1));
	}

}
