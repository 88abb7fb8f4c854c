package io.greenlight.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.security.Groups;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer starts the day on the board: productions in columns by stage, the overdue
 * one marked, whom each waits on; "waiting on me" narrows it; a card opens the asset's
 * page with its timeline, versions and decisions. Screenshots in
 * {@code target/screenshots/board/}.
 */
@ServerIT
class BoardBrowserIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "board");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcClient jdbc;

	@Autowired
	BoardBrowserIT(@LocalServerPort int port, JdbcClient jdbc) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
	}

	@Test
	void aProducerSeesWhatIsStuckAndOnWhomAndOpensIt() {
		// given productions in three stages, one of them late
		String run = " " + System.nanoTime() % 100000;
		String brief = this.productions.start("Board brief" + run);
		String late = this.productions.inInternalReview("Board late" + run);
		String v1 = this.productions.latestVersionId(late);
		this.productions.decide(Users.REVIEWER1, v1, "APPROVED_WITH_CHANGES", "Trim the end card");
		this.jdbc.sql("UPDATE asset SET due_date = ? WHERE id = ?").params(LocalDate.now().minusDays(3), late).update();

		// when the producer opens the board
		Browser browser = this.browsers.open(this.port);
		browser.go("/board");
		new LoginPage(browser).signIn(Users.PRODUCER, Users.PASSWORD);
		browser.await("the board", driver -> browser.path().startsWith("/board"));
		WebElement lateCard = card(browser, late);

		// then each production stands in its column, the late one marked, with whom it
		// waits on
		assertThat(column(browser, brief)).isEqualTo("column-BRIEF");
		assertThat(column(browser, late)).isEqualTo("column-INTERNAL_REVIEW");
		assertThat(lateCard.getDomAttribute("class")).contains("overdue");
		assertThat(lateCard.getText()).contains("Board late" + run)
			.contains("ACME-SUMMER")
			.contains("Waiting on " + name(Users.REVIEWER2))
			.doesNotContain(name(Users.REVIEWER1))
			.contains("All 2 reviewers must approve")
			.contains("Review v1");
		assertThat(card(browser, brief).getText()).contains("Waiting on you");
		browser.screenshot(SCREENSHOTS, "board", 1366, 768);
		browser.screenshot(SCREENSHOTS, "board-tablet", 1024, 768);
		browser.resize(1366, 768);

		// and "waiting on me" keeps the brief (the producer's to approve) only
		browser.click(By.id("filter-waiting"));
		browser.await("the brief alone", driver -> !browser.isShown(cardBy(late)) && browser.isShown(cardBy(brief)));
		assertThat(browser.path()).contains("waitingOnMe=true");
		browser.click(By.id("filter-clear"));
		card(browser, late);

		// when the producer opens the late production, whose card shows its reference
		String reference = this.productions.reference(late);
		assertThat(card(browser, late).findElement(By.cssSelector(".reference")).getText()).isEqualTo(reference);
		browser.click(By.cssSelector("[data-asset-id='" + late + "'] h3 a"));
		// at the address people share: the reference, not the internal id
		browser.await("the asset page", driver -> browser.path().equals("/assets/" + reference));
		browser.await("the timeline", driver -> browser.all(By.cssSelector("#timeline li")).size() == 3);

		// then its phases, versions and decisions are there, and the links lead on
		List<String> phases = browser.all(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
		assertThat(phases.get(0)).contains("Brief").contains("approved");
		assertThat(phases.get(1)).contains("Production of v1");
		assertThat(phases.get(2)).contains("Internal review of v1")
			.contains("waiting for " + name(Users.REVIEWER2))
			.contains("so far");
		assertThat(browser.visible(By.id("crumb")).getText()).isEqualTo(reference);
		assertThat(browser.visible(By.id("versions")).getText()).contains("v1").containsIgnoringCase("current");
		assertThat(browser.visible(By.id("decisions")).getText()).contains(name(Users.REVIEWER1))
			.contains("approved with changes")
			.contains("Trim the end card");
		assertThat(browser.visible(By.linkText("Review v1")).getDomAttribute("href")).isEqualTo("/review/" + v1);
		assertThat(browser.visible(By.linkText("Open in Cockpit")).getDomAttribute("href"))
			.contains("/camunda/app/cockpit/default/#/process-instance/");
		assertThat(browser.visible(By.linkText("Approval record (PDF)")).getDomAttribute("href"))
			.isEqualTo("/api/assets/" + late + "/approval-record.pdf");
		assertThat(browser.visible(By.cssSelector("#asset-meta .chip.late")).getText()).startsWith("Overdue since");
		assertThat(browser.all(By.cssSelector("#timeline-bar span")))
			.allSatisfy(bar -> assertThat(bar.getSize().getWidth()).isPositive());
		browser.screenshot(SCREENSHOTS, "asset", 1366, 900);
	}

	@Test
	void aProducerPicksAColleagueAndTheBoardNarrowsToTheProjectsTheyProduce() {
		// given a project the producer co-produces with a colleague, and a production in
		// it
		// and in the producer's own project
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		CreativeOps ops = new CreativeOps(this.http);
		String colleague = ops.createUser("sam-" + suffix, "Sam", "Second", Groups.PRODUCERS);
		String code = "COBALT-" + suffix.toUpperCase();
		String projectId = ops.createProject(ops.createClient("Cobalt Cola " + suffix), code, "Cobalt " + suffix);
		ops.addMember(projectId, colleague, "PRODUCER");
		ops.addMember(projectId, Users.PRODUCER, "PRODUCER");
		// a project starts productions once it has whom they need
		ops.addMember(projectId, Users.CREATIVE, "CREATIVE");
		ops.addMember(projectId, Users.REVIEWER1, "REVIEWER");
		ops.addMember(projectId, ops.createUser("cobalt-" + suffix, "Cora", "Cobalt", Groups.CLIENTS),
				"CLIENT_REVIEWER");
		String run = " " + System.nanoTime() % 100000;
		String theirs = this.productions.startAs(colleague, "Cobalt spot" + run, code);
		String ours = this.productions.start("Acme spot" + run);

		// when the producer opens the board and picks the colleague as producer
		Browser browser = this.browsers.open(this.port);
		browser.go("/board");
		new LoginPage(browser).signIn(Users.PRODUCER, Users.PASSWORD);
		card(browser, ours);
		Select producer = new Select(browser.visible(By.id("filter-producer")));
		browser.await("the producers to pick from", driver -> producer.getOptions().size() > 1);
		assertThat(producer.getOptions()).extracting(WebElement::getText)
			.contains("Any producer", "Sam Second", name(Users.PRODUCER) + " (you)")
			.doesNotContain(colleague);
		producer.selectByVisibleText("Sam Second");

		// then the address says so, and only the colleague's projects' productions remain
		browser.await("the colleague's productions alone",
				driver -> !browser.isShown(cardBy(ours)) && browser.isShown(cardBy(theirs)));
		assertThat(browser.path()).contains("producer=" + colleague);
		browser.screenshot(SCREENSHOTS, "board-producer", 1366, 768);
		browser.resize(1366, 768);

		// and the address brings the same view back
		browser.go(browser.path());
		card(browser, theirs);
		browser.await("the colleague picked again",
				driver -> new Select(browser.visible(By.id("filter-producer"))).getFirstSelectedOption()
					.getText()
					.equals("Sam Second"));
		assertThat(browser.isShown(cardBy(ours))).isFalse();
	}

	@Test
	void theWebappsHomePageLeadsToTheBoardAndTheMetrics() {
		Browser browser = this.browsers.open(this.port);
		browser.go("/camunda/app/welcome/default/");
		new LoginPage(browser).signIn(Users.PRODUCER, Users.PASSWORD);

		browser.await("Welcome", driver -> browser.path().startsWith("/camunda/app/welcome/"));
		assertThat(browser.visible(By.linkText("Greenlight board")).getDomAttribute("href")).isEqualTo("/board");
		assertThat(browser.visible(By.linkText("Greenlight metrics")).getDomAttribute("href")).isEqualTo("/metrics");
		browser.click(By.linkText("Greenlight board"));
		browser.await("the board", driver -> browser.path().equals("/board"));
		assertThat(browser.visible(By.cssSelector("#board-page h1")).getText()).isEqualTo("Productions");
	}

	@Test
	void someoneOutsideTheProjectGetsA404Page() {
		String brief = this.productions.start("Board outsider " + System.nanoTime() % 100000);

		Browser browser = this.browsers.open(this.port);
		browser.go("/assets/" + brief);
		new LoginPage(browser).signIn(Users.REVIEWER3, Users.PASSWORD);

		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("There is no such production here");
		assertThat(browser.driver().getPageSource()).doesNotContain("Board outsider");
		assertThat(this.http.get(Users.REVIEWER3, "/assets/" + brief).status()).isEqualTo(404);
		// nor by its reference
		assertThat(this.http.get(Users.REVIEWER3, "/assets/" + this.productions.reference(brief)).status())
			.isEqualTo(404);
	}

	private static By cardBy(String assetId) {
		return By.cssSelector("[data-asset-id='" + assetId + "']");
	}

	private static WebElement card(Browser browser, String assetId) {
		return browser.visible(cardBy(assetId));
	}

	private static String column(Browser browser, String assetId) {
		WebElement section = card(browser, assetId).findElement(By.xpath("ancestor::section[1]"));
		return section.getDomAttribute("aria-labelledby");
	}

	private String name(String userId) {
		JsonNode profile = this.http.get(Users.OPS, "/engine-rest/user/" + userId + "/profile").json();
		return profile.get("firstName").asText() + " " + profile.get("lastName").asText();
	}

}
