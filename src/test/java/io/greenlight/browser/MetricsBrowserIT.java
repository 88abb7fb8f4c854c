package io.greenlight.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creative-ops reads the period's cycle times, revision rounds and turnaround on the
 * metrics page, the same figures the API gives, and picks last month without writing SQL;
 * someone who is neither creative-ops nor a producer is told why they see nothing.
 * Screenshots in {@code target/screenshots/board/}.
 */
@ServerIT
class MetricsBrowserIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "board");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	MetricsBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void creativeOpsReadsThePeriodsFiguresAndPicksLastMonth() {
		// given a production with a settled internal review in the period
		String assetId = this.productions.inInternalReview("Metrics page " + System.nanoTime() % 100000);
		String v1 = this.productions.latestVersionId(assetId);
		this.productions.decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", "Shorter");
		this.productions.decide(Users.REVIEWER2, v1, "APPROVED", null);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String from = LocalDate.now(ZoneOffset.UTC).minusDays(29).toString();
		String query = "?from=" + from + "&to=" + today;

		// when creative-ops opens the metrics page for the last 30 days
		Browser browser = this.browsers.open(this.port);
		browser.go("/metrics" + query);
		new LoginPage(browser).signIn(Users.OPS, Users.PASSWORD);
		browser.await("the figures",
				driver -> "false".equals(driver.findElement(By.id("metrics-page")).getDomAttribute("aria-busy"))
						&& !browser.all(By.cssSelector("#cycle-table tr")).isEmpty());

		// then the page shows the API's figures, as charts and tables
		JsonNode cycle = this.http.get(Users.OPS, "/api/metrics/cycle-times" + query).json();
		JsonNode throughput = this.http.get(Users.OPS, "/api/metrics/throughput" + query).json();
		JsonNode turnaround = this.http.get(Users.OPS, "/api/metrics/reviewer-turnaround" + query).json();
		assertThat(browser.visible(By.id("kpi-approved")).getText())
			.isEqualTo(throughput.get("approvedAssets").asText());
		assertThat(browser.all(By.cssSelector("#cycle-table tr"))).hasSize(cycle.get("stages").size());
		assertThat(browser.visible(By.id("cycle-table")).getText()).contains("Internal review")
			.contains(String.valueOf(cycle.at("/stages/2/count").asLong()));
		assertThat(browser.all(By.cssSelector("#reviewers tr"))).hasSize(turnaround.get("reviewers").size());
		assertThat(browser.visible(By.id("reviewers")).getText()).contains(Users.REVIEWER1);
		assertThat(browser.all(By.cssSelector("#cycle-chart canvas, #throughput-chart canvas, #rounds-chart canvas")))
			.hasSize(3);
		assertThat(browser.isShown(By.id("alert"))).isFalse();
		browser.screenshot(SCREENSHOTS, "metrics", 1366, 1000);
		browser.resize(1366, 768);

		// and choosing last month puts its dates in the address and in the API's answer
		new Select(browser.visible(By.id("filter-preset"))).selectByVisibleText("Last month");
		browser.await("last month in the address",
				driver -> browser.path().contains("from=") && !browser.path().contains("from=" + from));
		String lastMonth = browser.path();
		browser.await("last month's period shown",
				driver -> driver.findElement(By.id("period"))
					.getText()
					.startsWith(lastMonth.replaceAll(".*from=([0-9-]+).*", "$1")));
	}

	@Test
	void aReviewerIsToldWhoMetricsAreFor() {
		Browser browser = this.browsers.open(this.port);
		browser.go("/metrics");
		new LoginPage(browser).signIn(Users.REVIEWER1, Users.PASSWORD);

		assertThat(browser.visible(By.id("alert")).getText())
			.contains("Metrics are for creative-ops and for producers");
		assertThat(this.http.get(Users.REVIEWER1, "/metrics").status()).isEqualTo(200);
	}

}
