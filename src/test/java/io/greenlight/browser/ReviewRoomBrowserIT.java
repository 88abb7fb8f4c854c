package io.greenlight.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The review room in Chromium, as reviewers use it: a region pinned on a frame of a
 * video, replies, resolving, a colleague's comment arriving live, versions compared, a
 * decision refused without its comment and then made, a superseded version that refuses
 * decisions, a client who sees only his own project, an image zoomed and pinned, a PDF
 * page commented. Files are the small real ones in {@code src/test/resources/media}: the
 * videos show their frame number, so the screenshots in
 * {@code target/screenshots/review-room} prove which frame the page shows.
 */
@ServerIT
class ReviewRoomBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	ReviewRoomBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void aReviewerPinsARegionOnAFrameAndFindsItThereAfterReloading() {
		// given v1 of a video in internal review
		String title = "Pin spot " + unique();
		String v1 = firstVersion(title, "VIDEO", "cut-1.mp4");
		RoomPage room = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		assertThat(room.timecode()).isEqualTo("00:00:00:00");

		// when the reviewer steps 13 frames with the arrow key, draws a region and
		// comments
		room.pressTimes(Keys.ARROW_RIGHT, 13).awaitTimecode("00:00:00:13");
		assertThat(room.videoFrame()).isEqualTo(13);
		room.drawRegion(0.6, 0.6, 0.9, 0.95);
		WebElement thread = room.post("The box should be green here");

		// then the comment is anchored at frame 13 (520 ms) on that region
		JsonNode comment = this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments")
			.json()
			.at("/threads/0/comment");
		assertThat(comment.at("/anchor/timeMs").asLong()).isEqualTo(520);
		assertThat(comment.at("/anchor/x").asDouble()).isCloseTo(0.6, within(0.01));
		assertThat(comment.at("/anchor/y").asDouble()).isCloseTo(0.6, within(0.01));
		assertThat(comment.at("/anchor/w").asDouble()).isCloseTo(0.3, within(0.01));
		assertThat(comment.at("/anchor/h").asDouble()).isCloseTo(0.35, within(0.01));
		String id = comment.get("id").asText();
		assertThat(thread.getText()).contains("00:00:00:13 · region");
		assertThat(room.pinShown(id)).isTrue();

		// when the page is loaded again: at frame 0 there is no pin, the timeline has the
		// marker
		room.open(v1).awaitMedia();
		assertThat(room.timecode()).isEqualTo("00:00:00:00");
		assertThat(room.pinShown(id)).isFalse();

		// and clicking the marker goes to frame 13, where the pin is, on the region
		room.click(By.cssSelector("button.marker[data-comment='" + id + "']"));
		room.awaitTimecode("00:00:00:13");
		room.browser().await("the pin at frame 13", driver -> room.pinShown(id));
		assertThat(room.videoFrame()).isEqualTo(13);
		double[] region = room.regionOnPicture(id);
		assertThat(region[0]).isCloseTo(0.6, within(0.01));
		assertThat(region[1]).isCloseTo(0.6, within(0.01));
		assertThat(region[2]).isCloseTo(0.3, within(0.01));
		assertThat(region[3]).isCloseTo(0.35, within(0.01));
		assertThat(room.threads().get(0).getAttribute("class")).contains("selected");
		room.screenshot("video-pin-laptop", 1366, 768);
		room.screenshot("video-pin-tablet-landscape", 1024, 768);
		room.screenshot("video-pin-tablet-portrait", 768, 1024);
		room.resize(1366, 768);

		// when a reply is sent, the thread resolved and reopened
		room.reply(id, "Agreed, @reviewer2 can you check?");
		room.browser()
			.await("the reply in the thread",
					driver -> room.threadOf(id).getText().contains("Agreed, @Robin Reviewer can you check?"));
		room.click(By.cssSelector("#thread-" + id + " button.resolve"));
		room.browser()
			.await("the thread resolved", driver -> room.threadOf(id).getAttribute("class").contains("resolved")
					&& room.threadOf(id).getText().contains("Reopen"));
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments").json().get("openCount").asInt())
			.isZero();
		room.screenshot("video-resolved");
		room.click(By.cssSelector("#thread-" + id + " button.reopen"));
		room.browser()
			.await("the thread open again", driver -> !room.threadOf(id).getAttribute("class").contains("resolved")
					&& room.threadOf(id).getText().contains("Resolve"));
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments").json().get("openCount").asInt())
			.isEqualTo(1);
	}

	@Test
	void aColleaguesCommentAppearsWithoutReloadingAndTheDraftStays() {
		// given reviewer1 in the room of v1, halfway through writing a comment
		String title = "Live spot " + unique();
		String v1 = firstVersion(title, "VIDEO", "cut-1.mp4");
		RoomPage reviewer1 = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		reviewer1.write("Half a thought");

		// when reviewer2, in a browser of their own, comments at 2 s
		RoomPage reviewer2 = signedIn(Users.REVIEWER2).open(v1).awaitMedia();
		reviewer2.pressTimes(Keys.ARROW_RIGHT, 50).awaitTimecode("00:00:02:00");
		reviewer2.press("c");
		assertThat(reviewer2.browser().driver().switchTo().activeElement().getAttribute("id"))
			.as("C puts the cursor in the comment field")
			.isEqualTo("comment-body");
		reviewer2.press("The music starts too late");
		reviewer2.click(By.id("comment-send"));
		reviewer2.awaitThread("The music starts too late");

		// then reviewer1 sees it within a few seconds, with its marker, and the draft is
		// still there
		WebElement thread = reviewer1.awaitThread("The music starts too late");
		assertThat(thread.getText()).contains("Robin Reviewer").contains("00:00:02:00");
		assertThat(reviewer1.browser().all(By.cssSelector("button.marker"))).hasSize(1);
		assertThat(reviewer1.browser().visible(RoomPage.COMMENT_BODY).getDomProperty("value"))
			.isEqualTo("Half a thought");
		reviewer1.screenshot("live-comment");
	}

	@Test
	void changesNeedACommentTheOldVersionRefusesDecisionsAndTheNewOneIsApproved() {
		// given v1 with a region comment at its first frame
		String title = "Decide spot " + unique();
		String assetId = this.productions.waitingForAVersion(title);
		String v1 = upload(assetId, "cut-1.mp4", "First cut");
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		Http.Response comment = this.http.postJson(Users.REVIEWER2, "/api/versions/" + v1 + "/comments",
				"""
						{"body": "Title too close to the edge", "anchor": {"timeMs": 0, "x": 0.05, "y": 0.08, "w": 0.7, "h": 0.2}}""");
		assertThat(comment.status()).as(comment.body()).isEqualTo(201);
		RoomPage room = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		room.tab("decision");
		assertThat(room.text(By.id("decision-facts"))).contains("Internal review")
			.contains("All 2 reviewers must approve")
			.contains("Waiting for you and Robin Reviewer")
			.contains("Due ");

		// when reviewer1 asks for changes without a comment, the page says so and sends
		// nothing
		room.choose("CHANGES_REQUESTED");
		assertThat(room.text(By.id("decision-comment-hint"))).contains("A comment is required");
		room.sendDecision();
		assertThat(room.text(By.id("decision-error"))).contains("write what should change");
		assertThat(decisions(v1)).isEmpty();
		room.screenshot("decision-comment-required");

		// and then with a comment: done
		room.decisionComment("Move the title down");
		room.sendDecision();
		assertThat(room.text(By.id("decision-status"))).contains("Done");
		room.browser()
			.await("the panel says it is done",
					driver -> room.text(By.id("decision-reason")).startsWith("You requested changes"));
		assertThat(decisions(v1)).extracting(decision -> decision.get("decision").asText())
			.containsExactly("CHANGES_REQUESTED");
		assertThat(room.text(By.id("decisions"))).contains("You requested changes").contains("Move the title down");
		assertThat(room.browser().driver().findElement(By.cssSelector("input[value='APPROVED']")).isEnabled())
			.isFalse();
		room.screenshot("decision-done");

		// when reviewer2 also asks for changes and v2 arrives
		assertThat(this.productions.decide(Users.REVIEWER2, v1, "CHANGES_REQUESTED", "See my comment").status())
			.isEqualTo(204);
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		String v2 = upload(assetId, "cut-2.mp4", "Second cut");
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		// then v1's room says it is superseded, links v2 and refuses a decision
		room.open(v1).awaitMedia();
		assertThat(room.text(RoomPage.BANNER)).contains("v1 is superseded").contains("v2 is the latest");
		room.tab("decision");
		assertThat(room.text(By.id("decision-reason"))).contains("v2");
		assertThat(room.browser().driver().findElement(By.id("decision-send")).isEnabled()).isFalse();
		room.screenshot("superseded");
		assertThat(this.productions.decide(Users.REVIEWER1, v1, "APPROVED", null).status()).isEqualTo(409);

		// when the reviewer follows the banner to v2 and compares it with v1
		room.click(By.id("latest-link"));
		room.awaitLoaded().awaitMedia();
		assertThat(room.browser().path()).isEqualTo("/review/" + v2);
		assertThat(room.browser().visible(By.cssSelector("a.version-chip[aria-current='page']")).getText())
			.isEqualTo("v2");
		room.click(By.id("compare"));
		room.browser()
			.await("v1 next to v2", driver -> room.browser().isShown(By.cssSelector(".slot.previous video"))
					&& room.browser().isShown(By.cssSelector(".slot.current video")));
		room.browser()
			.await("v1's open comment pinned on v1",
					driver -> room.browser().isShown(By.cssSelector(".slot.previous .pin.earlier")));
		room.pressTimes(Keys.ARROW_RIGHT, 25).awaitTimecode("00:00:01:00");
		room.browser()
			.await("v1 follows v2 to the same moment",
					driver -> Math
						.abs(((Number) room.script("return document.querySelector('.slot.previous video').currentTime"))
							.doubleValue() - 1.02) < 0.03);
		room.screenshot("compare-side-by-side");
		room.click(By.id("compare-ab"));
		assertThat(room.browser().isShown(By.cssSelector(".slot.previous video"))).isFalse();
		room.click(By.id("compare-flip"));
		room.browser()
			.await("A/B shows v1", driver -> room.browser().isShown(By.cssSelector(".slot.previous video"))
					&& !room.browser().isShown(By.cssSelector(".slot.current video")));
		room.screenshot("compare-ab");
		room.click(By.id("compare"));

		// and approves v2 in the page
		room.choose("APPROVED").sendDecision();
		assertThat(room.text(By.id("decision-status"))).contains("Done");
		assertThat(decisions(v2))
			.extracting(decision -> decision.get("decidedBy").asText() + " " + decision.get("decision").asText())
			.containsExactly("reviewer1 APPROVED");
	}

	@Test
	void aClientSeesHisOwnProjectAndA404PageForAnothersWork() {
		// given a version of the demo project and another client's work
		String title = "Client spot " + unique();
		String v1 = firstVersion(title, "VIDEO", "cut-1.mp4");
		OtherClient other = OtherClient.setUp(this.http, this.productions);

		// then the demo client can open the room of his project's version, and comment
		Browser browser = this.browsers.open(this.port);
		browser.go("/review/" + v1);
		new LoginPage(browser).signIn(Users.CLIENT, Users.PASSWORD);
		RoomPage room = new RoomPage(browser).awaitLoaded().awaitMedia();
		assertThat(room.text(By.id("room-title"))).isEqualTo(title);
		room.tab("decision");
		assertThat(room.text(By.id("decision-reason"))).isNotBlank();

		// but another client's version is a friendly 404 page with a way home
		browser.go("/review/" + other.versionId());
		assertThat(browser.visible(By.id("not-found-title")).getText()).isEqualTo("There is nothing to review here");
		assertThat(browser.driver().getPageSource()).doesNotContain(other.assetId()).doesNotContain("Bolt spot");
		assertThat(browser.visible(By.id("home")).getAttribute("href")).endsWith("/camunda/app/tasklist/default/");
		room.screenshot("not-found");
		Http.Response notFound = this.http.get(Users.CLIENT, "/review/" + other.versionId());
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.raw().headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe"));
		browser.click(By.id("home"));
		browser.await("Tasklist", driver -> browser.path().startsWith("/camunda/app/tasklist"));
	}

	@Test
	void anImageZoomsPansAndTakesARegionPin() {
		// given a key visual in review
		String title = "Key visual " + unique();
		String v1 = firstVersion(title, "IMAGE", "key-visual.png");
		RoomPage room = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		Browser browser = room.browser();
		assertThat(room.text(By.id("zoom-label"))).startsWith("Fit");

		// when zoomed in with the button and the wheel, and dragged
		String before = transform(room);
		room.click(By.id("zoom-in"));
		browser.await("zoomed in", driver -> !room.text(By.id("zoom-label")).startsWith("Fit"));
		String zoomed = transform(room);
		assertThat(zoomed).isNotEqualTo(before);
		room.drag(By.cssSelector(".slot.current .viewport"), 0.5, 0.5, 0.3, 0.4);
		assertThat(transform(room)).as("dragging pans").isNotEqualTo(zoomed);
		room.click(By.id("zoom-actual"));
		assertThat(room.text(By.id("zoom-label"))).isEqualTo("100%");
		room.click(By.id("zoom-fit"));
		assertThat(room.text(By.id("zoom-label"))).startsWith("Fit");

		// and a region is drawn on it and commented
		room.drawRegion(0.1, 0.2, 0.5, 0.6);
		room.post("Warmer colours in this corner");
		JsonNode comment = this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments")
			.json()
			.at("/threads/0/comment");
		assertThat(comment.at("/anchor/x").asDouble()).isCloseTo(0.1, within(0.01));
		assertThat(comment.at("/anchor/w").asDouble()).isCloseTo(0.4, within(0.01));
		assertThat(comment.at("/anchor/timeMs").isMissingNode() || comment.at("/anchor/timeMs").isNull()).isTrue();
		String id = comment.get("id").asText();

		// then the pin is on the image, where drawn, also when zoomed in
		assertThat(room.pinShown(id)).isTrue();
		room.click(By.id("zoom-in"));
		room.click(By.id("zoom-in"));
		double[] region = room.regionOnPicture(id);
		assertThat(region[0]).isCloseTo(0.1, within(0.01));
		assertThat(region[1]).isCloseTo(0.2, within(0.01));
		room.screenshot("image-zoomed-pin");
	}

	@Test
	void aPdfPageTwoComment() {
		// given a two-page storyboard in review
		String title = "Storyboard " + unique();
		String v1 = firstVersion(title, "PDF", "storyboard.pdf");
		RoomPage room = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		assertThat(room.text(By.id("page-label"))).isEqualTo("Page 1 of 2");

		// when the reviewer turns to page 2 and comments
		room.click(By.id("page-next"));
		room.browser().await("page 2", driver -> room.text(By.id("page-label")).equals("Page 2 of 2"));
		WebElement thread = room.post("Swap the last two panels");

		// then the comment is on page 2, and choosing it from page 1 turns there
		assertThat(thread.getText()).contains("Page 2");
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments")
			.json()
			.at("/threads/0/comment/anchor/page")
			.asInt()).isEqualTo(2);
		room.click(By.id("page-prev"));
		room.browser().await("page 1", driver -> room.text(By.id("page-label")).equals("Page 1 of 2"));
		room.click(By.cssSelector("#threads .thread button.where"));
		room.browser().await("back on page 2", driver -> room.text(By.id("page-label")).equals("Page 2 of 2"));
		room.screenshot("pdf-page-2");
	}

	@Test
	void anAudioFileHasATimelineToCommentOn() {
		// given a jingle in review
		String title = "Jingle " + unique();
		String v1 = firstVersion(title, "AUDIO", "jingle.mp3");
		RoomPage room = signedIn(Users.REVIEWER1).open(v1).awaitMedia();
		assertThat(room.timecode()).isEqualTo("0:00.0");

		// when the reviewer skips a second ahead and comments there
		room.pressWithShift(Keys.ARROW_RIGHT).awaitTimecode("0:01.0");
		WebElement thread = room.post("Louder from here");

		// then the comment is at 1 s, with its marker on the timeline
		assertThat(thread.getText()).contains("0:01.0");
		assertThat(this.http.get(Users.REVIEWER1, "/api/versions/" + v1 + "/comments")
			.json()
			.at("/threads/0/comment/anchor/timeMs")
			.asLong()).isEqualTo(1000);
		assertThat(room.browser().visible(By.cssSelector("button.marker")).getAttribute("aria-label"))
			.isEqualTo("Comment 1 at 0:01.0");
		room.screenshot("audio");

		// and signing out leads to the sign-in page
		room.click(By.id("sign-out"));
		assertThat(new LoginPage(room.browser()).await().signedOutNote()).isEqualTo("You are signed out.");
	}

	@Test
	void aReviewerWhoseStageSettledWithoutHimGivesLateFeedback() {
		// given a social post whose stage (any one decision) reviewer1 settled on v1
		String assetId = this.productions.socialPostSettledWithoutReviewer2("Late post " + unique());
		String v1 = this.productions.latestVersionId(assetId);

		// when reviewer2 opens v1's room
		RoomPage room = signedIn(Users.REVIEWER2).open(v1);
		room.tab("decision");

		// then the rule, the settled stage and reviewer1's decision are there, and a
		// decision would be late
		assertThat(room.text(By.id("decision-facts"))).contains("Any one approval is enough")
			.contains("Settled: requested changes")
			.contains("Riley Reviewer requested changes")
			.contains("Too long");
		assertThat(room.text(By.id("decision-legend"))).contains("late");

		// when reviewer2 approves all the same, the page shows what the server said
		room.choose("APPROVED").sendDecision();
		assertThat(room.text(By.id("decision-status"))).contains("late feedback");
		room.browser()
			.await("the late decision listed", driver -> room.text(By.id("decisions")).contains("You approved")
					&& room.browser().isShown(By.cssSelector("#decisions .badge.late")));
		room.screenshot("late-feedback");
	}

	// helpers

	private RoomPage signedIn(String user) {
		Browser browser = this.browsers.open(this.port);
		browser.go(LoginPage.PATH);
		new LoginPage(browser).signIn(user, Users.PASSWORD);
		return new RoomPage(browser);
	}

	/**
	 * A production of that deliverable type whose v1 (the fixture file) waits for
	 * reviewer1. @return v1's id
	 */
	private String firstVersion(String title, String deliverableType, String fixture) {
		Http.Response brief = this.http.postJson(Users.PRODUCER, "/api/productions", """
				{"title": "%s", "projectCode": "ACME-SUMMER", "deliverableType": "%s", "channel": "WEB",
				 "dueDate": "2030-01-31", "description": "A review room test"}""".formatted(title, deliverableType));
		assertThat(brief.status()).as(brief.body()).isEqualTo(201);
		String assetId = brief.json().get("assetId").asText();
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		String versionId = upload(assetId, fixture, "First cut");
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		return versionId;
	}

	private String upload(String assetId, String fixture, String note) {
		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, fixture, fixture(fixture), note);
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		return upload.json().get("id").asText();
	}

	private static byte[] fixture(String name) {
		try (InputStream in = ReviewRoomBrowserIT.class.getResourceAsStream("/media/" + name)) {
			assertThat(in).as("test file media/" + name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<JsonNode> decisions(String versionId) {
		JsonNode room = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.http.get(Users.PRODUCER, "/api/versions/" + versionId + "/room"), r -> r.status() == 200)
			.json();
		List<JsonNode> list = new ArrayList<>();
		room.get("decisions").forEach(list::add);
		return list;
	}

	private static String transform(RoomPage room) {
		return String.valueOf(room.script("return document.querySelector('.slot.current .content').style.transform"));
	}

	private static String unique() {
		return String.valueOf(System.nanoTime() % 1000000);
	}

}
