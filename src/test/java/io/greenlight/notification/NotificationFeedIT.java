package io.greenlight.notification;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-app feed and each user's preferences over real HTTP: a reviewer who turned off
 * review-request emails still sees the request in the app, unread until they read it;
 * preferences that name unknown events or channels are refused. The dispatcher runs on
 * its schedule here, as in the demo, without an SMTP server.
 */
@ServerIT
@TestPropertySource(properties = { "greenlight.notification.dispatcher.enabled=true",
		"greenlight.notification.dispatcher.interval=PT0.5S" })
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
class NotificationFeedIT {

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcClient jdbc;

	private final IdentityService identityService;

	private final ProjectRepository projects;

	@Autowired
	NotificationFeedIT(@LocalServerPort int port, JdbcClient jdbc, IdentityService identityService,
			ProjectRepository projects) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.projects = projects;
	}

	@Test
	void withoutAnSmtpServerTheScheduledDispatcherWritesEmailsToTheLogAndMarksThemSent() {
		String assetId = this.productions.start("Scheduled spot");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT status FROM notification WHERE asset_id = ? AND channel = 'EMAIL'")
						.param(assetId)
						.query(String.class)
						.list())
				.isNotEmpty()
				.containsOnly("SENT"));
	}

	@Test
	void everyProducerOfTheProjectIsAskedToDecideOnTheBriefAndNoProducerOfOtherProjects() {
		// given a second producer on ACME-SUMMER, and a producer who is not on it
		producer("producer2");
		producer("producer3");
		this.projects.addMember(this.projects.findByCode("ACME-SUMMER").orElseThrow().id(), "producer2",
				ProjectRole.PRODUCER);

		// when the first producer posts a brief
		String assetId = this.productions.start("Two producers");

		// then both of the project's producers have the request, the outsider has not
		String subject = "Please decide: Approve brief: Two producers (" + this.productions.reference(assetId) + ")";
		assertThat(this.http.get(Users.PRODUCER, "/api/notifications").json().findValuesAsText("subject"))
			.contains(subject);
		assertThat(this.http.get("producer2", "/api/notifications").json().findValuesAsText("subject"))
			.contains(subject);
		assertThat(this.http.get("producer3", "/api/notifications").json().findValuesAsText("subject"))
			.doesNotContain(subject);
	}

	private void producer(String id) {
		User user = this.identityService.newUser(id);
		user.setFirstName("Another");
		user.setLastName("Producer");
		user.setEmail(id + "@greenlight.example");
		user.setPassword(Users.PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(id, "producers");
	}

	@Test
	void aReviewerWhoTurnedOffReviewEmailsSeesTheRequestInTheirFeedUntilRead() {
		// given reviewer1 wants review requests in the app only
		Http.Response saved = putPreferences(Users.REVIEWER1, """
				{"events": {"REVIEW_REQUESTED": {"EMAIL": false}}}""");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().at("/events/REVIEW_REQUESTED/EMAIL").asBoolean()).isFalse();
		assertThat(saved.json().at("/events/REVIEW_REQUESTED/IN_APP").asBoolean()).isTrue();
		assertThat(saved.json().at("/events/CHANGES_REQUESTED/EMAIL").asBoolean()).isTrue();
		assertThat(this.http.get(Users.REVIEWER1, "/api/notifications/preferences")
			.json()
			.at("/events/REVIEW_REQUESTED/EMAIL")
			.asBoolean()).isFalse();

		try {
			// when version 1 goes to internal review
			String assetId = this.productions.inInternalReview("Feed spot");
			String taskId = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset")
				.get("id")
				.asText();

			// then reviewer1 has it in the feed, unread, with the task; no email for
			// them,
			// but reviewer2 (default preferences) has one queued
			JsonNode feed = this.http.get(Users.REVIEWER1, "/api/notifications?size=5").json();
			assertThat(feed.get("unreadCount").asInt()).isPositive();
			JsonNode item = feed.get("items").get(0);
			assertThat(item.get("subject").asText()).isEqualTo(
					"Please review: Internal review: Feed spot v1 (" + this.productions.reference(assetId) + ")");
			assertThat(item.get("event").asText()).isEqualTo("REVIEW_REQUESTED");
			assertThat(item.get("taskId").asText()).isEqualTo(taskId);
			assertThat(item.get("assetId").asText()).isEqualTo(assetId);
			assertThat(item.get("read").asBoolean()).isFalse();
			assertThat(emailRecipients(assetId)).contains(Users.REVIEWER2).doesNotContain(Users.REVIEWER1);

			// when reviewer1 reads it, it is read; other users cannot touch it
			String id = item.get("id").asText();
			int unread = feed.get("unreadCount").asInt();
			assertThat(this.http.postJson(Users.REVIEWER2, "/api/notifications/" + id + "/read", "").status())
				.isEqualTo(404);
			assertThat(this.http.postJson(Users.REVIEWER1, "/api/notifications/" + id + "/read", "").status())
				.isEqualTo(204);
			JsonNode after = this.http.get(Users.REVIEWER1, "/api/notifications?size=5").json();
			assertThat(after.get("unreadCount").asInt()).isEqualTo(unread - 1);
			assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();

			// and "mark all as read" leaves nothing unread
			JsonNode marked = this.http.postJson(Users.REVIEWER1, "/api/notifications/read-all", "").json();
			assertThat(marked.get("marked").asInt()).isEqualTo(unread - 1);
			assertThat(this.http.get(Users.REVIEWER1, "/api/notifications?unreadOnly=true").json().get("items"))
				.isEmpty();
		}
		finally {
			putPreferences(Users.REVIEWER1, """
					{"events": {"REVIEW_REQUESTED": {"EMAIL": true}}}""");
		}
	}

	@Test
	void preferencesForUnknownEventsOrChannelsAreRefusedWithWhatIsWrong() {
		Http.Response event = putPreferences(Users.REVIEWER1, """
				{"events": {"COFFEE_READY": {"EMAIL": false}}}""");
		Http.Response channel = putPreferences(Users.REVIEWER1, """
				{"events": {"MENTIONED": {"PIGEON": true}}}""");
		Http.Response paging = this.http.get(Users.REVIEWER1, "/api/notifications?size=1000");

		assertThat(event.status()).isEqualTo(400);
		assertThat(event.json().get("detail").asText()).contains("Unknown event 'COFFEE_READY'")
			.contains("REVIEW_REQUESTED");
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.json().get("detail").asText()).contains("Unknown channel 'PIGEON'")
			.contains("[EMAIL, IN_APP]");
		assertThat(paging.status()).isEqualTo(400);
		assertThat(this.http.get(Users.REVIEWER1, "/api/notifications/preferences")
			.json()
			.at("/events/MENTIONED/EMAIL")
			.asBoolean()).isTrue();
	}

	@Test
	void eachUserSeesTheirOwnSendLogAndOnlyCreativeOpsSeesOthers() {
		String assetId = this.productions.start("Log spot");

		JsonNode own = this.http.get(Users.PRODUCER, "/api/notifications/log").json();
		assertThat(own.findValuesAsText("subject"))
			.contains("Please decide: Approve brief: Log spot (" + this.productions.reference(assetId) + ")");
		assertThat(own.findValuesAsText("recipient")).containsOnly(Users.PRODUCER);
		assertThat(this.http.get(Users.REVIEWER1, "/api/notifications/log?recipient=producer").status()).isEqualTo(403);
		assertThat(this.http.get(Users.OPS, "/api/notifications/log?recipient=producer")
			.json()
			.findValuesAsText("assetId")).contains(assetId);
	}

	private List<String> emailRecipients(String assetId) {
		return this.jdbc
			.sql("SELECT recipient FROM notification WHERE asset_id = ? AND event = 'REVIEW_REQUESTED' "
					+ "AND channel = 'EMAIL'")
			.param(assetId)
			.query(String.class)
			.list();
	}

	private Http.Response putPreferences(String user, String json) {
		return this.http.send(this.http.request(user, "/api/notifications/preferences")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

}
