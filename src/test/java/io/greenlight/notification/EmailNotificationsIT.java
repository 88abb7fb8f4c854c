package io.greenlight.notification;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.greenlight.support.TestSmtp;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Http;
import io.greenlight.support.Users;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notification emails through a real SMTP server (GreenMail): who gets them, their
 * subjects, links and Message-IDs; a mail server that is down and comes back; a
 * dispatcher that dies between sending and marking; the daily digest.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
@ServerIT
@TestPropertySource(properties = "greenlight.base-url=https://greenlight.test")
class EmailNotificationsIT {

	private static final int SMTP_PORT = TestSmtp.freePort();

	private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private final Http http;

	private final ProductionDriver productions;

	private final NotificationDispatcher dispatcher;

	private final Outbox outbox;

	private final List<NotificationSender> senders;

	private final NotificationProperties properties;

	private final NotificationPreferences preferences;

	private final DigestService digests;

	private final TaskService taskService;

	private final NotificationService notifications;

	private final JdbcClient jdbc;

	private GreenMail smtp;

	@Autowired
	EmailNotificationsIT(@LocalServerPort int port, NotificationDispatcher dispatcher, Outbox outbox,
			List<NotificationSender> senders, NotificationProperties properties, NotificationPreferences preferences,
			DigestService digests, TaskService taskService, NotificationService notifications, JdbcClient jdbc) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.dispatcher = dispatcher;
		this.outbox = outbox;
		this.senders = senders;
		this.properties = properties;
		this.preferences = preferences;
		this.digests = digests;
		this.taskService = taskService;
		this.notifications = notifications;
		this.jdbc = jdbc;
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
	}

	@BeforeEach
	void startMailServerAndSendWhatEarlierTestsLeft() {
		this.smtp = new GreenMail(SMTP);
		this.smtp.start();
		this.dispatcher.dispatchDue();
	}

	@AfterEach
	void stopMailServer() {
		this.smtp.stop();
	}

	@Test
	void reviewersGetAnEmailWithLinksToTheTaskAndTheAssetAndTheKeyAsMessageId() throws Exception {
		// given version 1 in internal review
		String assetId = this.productions.inInternalReview("Mail spot");
		String taskId = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset").get("id").asText();

		// when the dispatcher runs
		this.dispatcher.dispatchDue();

		// then each reviewer has one email about their own task
		List<MimeMessage> mails = received("Please review: Internal review: Mail spot v1");
		assertThat(mails).extracting(EmailNotificationsIT::to)
			.containsExactlyInAnyOrder("reviewer1@greenlight.example", "reviewer2@greenlight.example");
		MimeMessage mail = mails.stream()
			.filter(message -> to(message).equals("reviewer1@greenlight.example"))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getFrom()[0].toString()).isEqualTo("greenlight@greenlight.test");
		// the subject ends with the reference people quote on the phone
		assertThat(mail.getSubject())
			.isEqualTo("Please review: Internal review: Mail spot v1 (" + this.productions.reference(assetId) + ")");
		assertThat(mail.getMessageID()).isEqualTo("<REVIEW_REQUESTED." + taskId + ".reviewer1.EMAIL@greenlight.test>");
		assertThat(mail.getHeader(EmailSender.KEY_HEADER)[0])
			.isEqualTo("REVIEW_REQUESTED:" + taskId + ":reviewer1:EMAIL");
		String text = part(mail, "text/plain");
		String html = part(mail, "text/html");
		String v1 = this.productions.latestVersionId(assetId);
		assertThat(text).contains("Hello Riley")
			.contains("Open the review room: https://greenlight.test/review/" + v1)
			.contains("https://greenlight.test/camunda/app/tasklist/default/#/?task=" + taskId)
			.contains("https://greenlight.test/assets/" + this.productions.reference(assetId));
		assertThat(html).contains("href=\"https://greenlight.test/review/" + v1 + "\"")
			.contains("href=\"https://greenlight.test/camunda/app/tasklist/default/#/?task=" + taskId)
			.contains("href=\"https://greenlight.test/assets/" + this.productions.reference(assetId));
		// and the producer was asked to decide on the brief, and told about the version
		assertThat(received("Please decide: Approve brief: Mail spot")).extracting(EmailNotificationsIT::to)
			.containsExactly("producer@greenlight.example");
		assertThat(received("New version: Mail spot v1")).extracting(EmailNotificationsIT::to)
			.containsExactly("producer@greenlight.example");
		assertThat(status(assetId, "REVIEW_REQUESTED")).containsOnly("SENT");
	}

	@Test
	void mailServerDownThenUpDeliversEverythingOnceItIsBackAndNothingTwice() throws Exception {
		// given the mail server is down when the producer must decide on a brief
		this.smtp.stop();
		String assetId = this.productions.start("Outage spot");
		Instant now = Instant.now();

		// when the dispatcher tries
		this.dispatcher.dispatchDue(now);

		// then the email waits for a retry, with the error on record
		OutboxNotification waiting = briefEmail(assetId);
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.lastError()).contains("MailSendException");
		assertThat(waiting.nextAttemptAt().toInstant()).isAfter(now);

		// when the mail server is back: nothing before the back-off, then the email, once
		this.smtp = new GreenMail(SMTP);
		this.smtp.start();
		this.dispatcher.dispatchDue(now);
		assertThat(received("Outage spot")).isEmpty();
		this.dispatcher.dispatchDue(now.plus(this.properties.dispatcher().initialBackoff()).plusSeconds(1));
		this.dispatcher.dispatchDue(now.plus(Duration.ofHours(2)));
		assertThat(received("Please decide: Approve brief: Outage spot")).hasSize(1);
		OutboxNotification sent = briefEmail(assetId);
		assertThat(sent.status()).isEqualTo("SENT");
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void theServerStaysUpAndReadyWhileTheMailServerIsDownAndCreativeOpsSeeTheMailWaiting() {
		// given the mail server is down and an email could not go out
		this.smtp.stop();
		String assetId = this.productions.start("Health spot");
		this.dispatcher.dispatchDue();
		assertThat(briefEmail(assetId).status()).isEqualTo("PENDING");

		// when a load balancer, Kubernetes and an operator ask
		Http.Response health = this.http.get(null, "/actuator/health");
		Http.Response readiness = this.http.get(null, "/actuator/health/readiness");
		Http.Response liveness = this.http.get(null, "/actuator/health/liveness");
		Http.Response details = this.http.get(Users.OPS, "/actuator/health");

		// then the server is up and ready: mail waits and is retried
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
		assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
		assertThat(liveness.status()).isEqualTo(200);
		// and creative-ops see that emails wait, and why
		assertThat(details.json().get("status").asText()).isEqualTo("UP");
		assertThat(details.json().at("/components/mail/status").asText()).isEqualTo("DELAYED");
		assertThat(details.json().at("/components/mail/details/waiting").asLong()).isPositive();
		assertThat(details.json().at("/components/mail/details/lastError").asText()).contains("MailSendException");
	}

	@Test
	void aDispatcherThatDiesBetweenSendingAndMarkingLeadsToOneDuplicateWithTheSameMessageId() throws Exception {
		// given a dispatcher whose node dies right after the mail server took the email
		String assetId = this.productions.start("Crash spot");
		NotificationSender email = this.senders.stream()
			.filter(sender -> sender.channel() == NotificationChannel.EMAIL)
			.findFirst()
			.orElseThrow();
		NotificationDispatcher dying = new NotificationDispatcher(this.outbox, List.of(new DiesAfterSending(email)),
				this.properties);
		Instant now = Instant.now();
		assertThatThrownBy(() -> dying.dispatchDue(now)).isInstanceOf(NodeDied.class);
		assertThat(received("Crash spot")).hasSize(1);
		assertThat(briefEmail(assetId).status()).isEqualTo("PENDING");

		// when another node dispatches: not while the dead node's claim holds, then once
		this.dispatcher.dispatchDue(now);
		assertThat(received("Crash spot")).hasSize(1);
		this.dispatcher.dispatchDue(now.plus(this.properties.dispatcher().lease()).plusSeconds(1));
		this.dispatcher.dispatchDue(now.plus(Duration.ofHours(3)));

		// then the one duplicate carries the same Message-ID, and it is marked sent
		List<MimeMessage> mails = received("Crash spot");
		assertThat(mails).hasSize(2);
		assertThat(mails.get(0).getMessageID()).isEqualTo(mails.get(1).getMessageID());
		assertThat(briefEmail(assetId).status()).isEqualTo("SENT");
	}

	@Test
	void aReviewerWhoChoseTheDigestGetsOneDailyEmailInsteadOfEachRequest() throws Exception {
		this.preferences.update(Users.REVIEWER2, true, Map.of());
		try {
			// given reviewer2 chose the digest, and their review of v1 is overdue
			String assetId = this.productions.inInternalReview("Digest spot");
			Task task = this.taskService.createTaskQuery()
				.processInstanceBusinessKey(this.productions.reference(assetId))
				.taskAssignee(Users.REVIEWER2)
				.singleResult();
			Instant morning = Instant.parse("2030-06-03T07:00:00Z");
			task.setDueDate(Date.from(morning.minus(Duration.ofDays(1))));
			this.taskService.saveTask(task);
			this.dispatcher.dispatchDue();

			// then only reviewer1 got the request by email; reviewer2 has it in the app
			assertThat(received("Please review: Internal review: Digest spot v1")).extracting(EmailNotificationsIT::to)
				.containsExactly("reviewer1@greenlight.example");
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM notification_feed WHERE recipient = ? AND asset_id = ? "
						+ "AND event = 'REVIEW_REQUESTED'")
				.params(Users.REVIEWER2, assetId)
				.query(Integer.class)
				.single()).isEqualTo(1);

			// and an escalation about someone else's task is not held back for the digest
			this.notifications.queue(NotificationEvent.OVERDUE_ESCALATION, "escalation-" + assetId,
					List.of(Users.REVIEWER2), assetId, null, "Overdue: Digest spot v1");
			this.dispatcher.dispatchDue();
			assertThat(received("Overdue: Digest spot v1")).extracting(EmailNotificationsIT::to)
				.containsExactly("reviewer2@greenlight.example");

			// when the morning's digests are composed, twice (two nodes, or a restart)
			assertThat(this.digests.queueDigests(morning, ZoneOffset.UTC)).isEqualTo(1);
			assertThat(this.digests.queueDigests(morning.plusSeconds(60), ZoneOffset.UTC)).isZero();
			this.dispatcher.dispatchDue();

			// then reviewer2 has one digest listing the overdue review with its link
			List<MimeMessage> digest = received("Awaiting your review").stream()
				.filter(message -> to(message).equals("reviewer2@greenlight.example"))
				.toList();
			assertThat(digest).hasSize(1);
			assertThat(digest.get(0).getSubject()).contains("1 overdue");
			assertThat(digest.get(0).getMessageID())
				.isEqualTo("<DAILY_DIGEST.2030-06-03.reviewer2.EMAIL@greenlight.test>");
			assertThat(part(digest.get(0), "text/plain"))
				.contains("Internal review: Digest spot v1 (" + this.productions.reference(assetId) + ") — OVERDUE")
				.contains("https://greenlight.test/camunda/app/tasklist/default/#/?task=" + task.getId());
		}
		finally {
			this.preferences.update(Users.REVIEWER2, false, Map.of());
		}
	}

	private List<MimeMessage> received(String subjectPart) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter(message -> {
			try {
				return message.getSubject().contains(subjectPart);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private OutboxNotification briefEmail(String assetId) {
		String id = this.jdbc
			.sql("SELECT id FROM notification WHERE asset_id = ? AND event = 'REVIEW_REQUESTED' AND channel = 'EMAIL'")
			.param(assetId)
			.query(String.class)
			.single();
		return this.outbox.find(id).orElseThrow();
	}

	private List<String> status(String assetId, String event) {
		return this.jdbc.sql("SELECT status FROM notification WHERE asset_id = ? AND event = ?")
			.params(assetId, event)
			.query(String.class)
			.list();
	}

	private static String to(Message message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return (to.length == 1) ? to[0].toString() : Arrays.toString(to);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The decoded text of the message's first part of this type. */
	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** What the test makes happen to a node: it is gone, mid-round. */
	static final class NodeDied extends Error {

	}

	/** Sends the email for real, then the node dies before it can mark it sent. */
	private record DiesAfterSending(NotificationSender delegate) implements NotificationSender {

		@Override
		public NotificationChannel channel() {
			return this.delegate.channel();
		}

		@Override
		public void send(OutboxNotification notification) throws Exception {
			this.delegate.send(notification);
			if (notification.subject().contains("Crash spot")) {
				throw new NodeDied();
			}
		}

	}

}
