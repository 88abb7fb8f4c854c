package io.greenlight.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.net.SocketFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.greenlight.support.TestSmtp;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many emails at once through a real SMTP server (GreenMail): each delivered once, a
 * batch over one connection, a sender per batch in parallel; an undeliverable email does
 * not hold back the others of its batch; a mail server that is down loses nothing; the
 * backlog gauge shows what waits.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
@ServerIT
@TestPropertySource(properties = { "greenlight.notification.dispatcher.batch-size=25",
		"greenlight.notification.dispatcher.senders=4", "greenlight.notification.dispatcher.backlog-max-age=PT0S" })
class EmailBatchDeliveryIT {

	private static final int SMTP_PORT = TestSmtp.freePort();

	private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final int RECIPIENTS = 40;

	private final Http http;

	private final NotificationDispatcher dispatcher;

	private final NotificationService notifications;

	private final NotificationProperties properties;

	private final IdentityService identityService;

	private final JavaMailSenderImpl mailSender;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final EmailSender emailSender;

	private final CountingSockets sockets = new CountingSockets();

	private GreenMail smtp;

	@Autowired
	EmailBatchDeliveryIT(@LocalServerPort int port, NotificationDispatcher dispatcher,
			NotificationService notifications, NotificationProperties properties, IdentityService identityService,
			JavaMailSenderImpl mailSender, JdbcClient jdbc, Outbox outbox, EmailSender emailSender) {
		this.http = new Http(port);
		this.dispatcher = dispatcher;
		this.notifications = notifications;
		this.properties = properties;
		this.identityService = identityService;
		this.mailSender = mailSender;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.emailSender = emailSender;
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
	}

	@BeforeEach
	void startMailServerAndSendWhatWasLeft() {
		this.smtp = new GreenMail(SMTP);
		this.smtp.start();
		for (int i = 0; i < RECIPIENTS; i++) {
			user("mail-user-" + i, "mail-user-" + i + "@greenlight.test");
		}
		user("mail-user-without-address", null);
		drain(Instant.now());
		this.smtp.reset();
		// Jakarta Mail opens its SMTP connections through this factory, counting them
		Properties mail = this.mailSender.getJavaMailProperties();
		mail.put("mail.smtp.socketFactory", this.sockets);
		this.mailSender.setJavaMailProperties(mail);
	}

	@AfterEach
	void stopMailServer() {
		Properties mail = this.mailSender.getJavaMailProperties();
		mail.remove("mail.smtp.socketFactory");
		this.mailSender.setJavaMailProperties(mail);
		this.smtp.stop();
	}

	@Test
	void severalHundredEmailsAreEachDeliveredOnceOverFarFewerConnections() throws Exception {
		// given 400 emails queued for 40 recipients
		List<String> keys = queue("Batch", 10, recipients());
		assertThat(keys).hasSize(400);

		// when the dispatcher runs until the outbox is empty
		int rounds = drain(Instant.now());

		// then every email arrived once, with its idempotency key as Message-ID
		Map<String, Long> perMessageId = Arrays.stream(this.smtp.getReceivedMessages())
			.filter(message -> subject(message).startsWith("Batch "))
			.collect(Collectors.groupingBy(TestSmtp::messageId, Collectors.counting()));
		assertThat(perMessageId).hasSize(400);
		assertThat(perMessageId.values()).allMatch(count -> count == 1);
		assertThat(perMessageId.keySet())
			.containsExactlyInAnyOrderElementsOf(keys.stream().map(this.emailSender::messageId).toList());
		assertThat(statusOf("Batch ")).containsOnlyKeys("SENT").containsEntry("SENT", 400L);
		// in rounds of senders × batch-size, each batch over one connection
		assertThat(rounds).isEqualTo(4);
		assertThat(this.sockets.opened()).isLessThanOrEqualTo(400 / 25).isPositive();
	}

	@Test
	void anUndeliverableEmailFailsAtOnceAndTheOthersOfItsBatchAreSent() {
		// given emails for recipients of whom one has no address
		List<String> recipients = new ArrayList<>(recipients().subList(0, 10));
		recipients.add(5, "mail-user-without-address");
		queue("Mixed", 1, recipients);

		// when they are sent
		this.dispatcher.dispatchDue();

		// then the one is FAILED, saying why, and the ten others arrived
		assertThat(statusOf("Mixed ")).containsEntry("SENT", 10L).containsEntry("FAILED", 1L).hasSize(2);
		assertThat(this.jdbc
			.sql("SELECT last_error FROM notification WHERE subject LIKE 'Mixed %' AND status = 'FAILED' "
					+ "AND recipient = 'mail-user-without-address'")
			.query(String.class)
			.single()).contains("has no email address");
		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Mixed ")))
			.hasSize(10);
	}

	@Test
	void aMailServerThatIsDownLosesNothingAndEachEmailIsTriedAgainAfterItsBackOff() {
		// given the mail server is down and 60 emails are due
		this.smtp.stop();
		queue("Outage", 1, recipients().subList(0, 30));
		queue("Outage again", 1, recipients().subList(0, 30));
		Instant now = Instant.now();

		// when the dispatcher tries
		assertThat(this.dispatcher.dispatchDue(now)).isZero();

		// then every one waits for a retry with its error, and the next round need not
		// come at once
		assertThat(this.dispatcher.moreDue()).isFalse();
		List<OutboxNotification> waiting = this.jdbc
			.sql("SELECT id FROM notification WHERE subject LIKE 'Outage%' AND channel = 'EMAIL'")
			.query(String.class)
			.list()
			.stream()
			.map(id -> this.outbox.find(id).orElseThrow())
			.toList();
		assertThat(waiting).hasSize(60).allSatisfy(notification -> {
			assertThat(notification.status()).isEqualTo("PENDING");
			assertThat(notification.attempts()).isEqualTo(1);
			assertThat(notification.lastError()).contains("MailSendException");
			assertThat(notification.nextAttemptAt().toInstant()).isAfter(now);
		});

		// when the mail server is back: nothing before the back-off, then all of
		// them, once
		this.smtp = new GreenMail(SMTP);
		this.smtp.start();
		assertThat(this.dispatcher.dispatchDue(now.plusSeconds(1))).isZero();
		drain(now.plus(this.properties.dispatcher().initialBackoff()).plusSeconds(1));
		Map<String, Long> perMessageId = Arrays.stream(this.smtp.getReceivedMessages())
			.filter(message -> subject(message).startsWith("Outage"))
			.collect(Collectors.groupingBy(TestSmtp::messageId, Collectors.counting()));
		assertThat(perMessageId).hasSize(60);
		assertThat(perMessageId.values()).allMatch(count -> count == 1);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE subject LIKE 'Outage%' AND channel = 'EMAIL' "
					+ "AND status = 'SENT' AND attempts = 2 AND last_error IS NULL")
			.query(Long.class)
			.single()).isEqualTo(60);
	}

	@Test
	void creativeOpsSeeTheBacklogRiseAndDropToZeroOnceDelivered() {
		// given 120 emails queued
		assertThat(backlog("EMAIL")).isZero();
		queue("Backlog", 3, recipients());

		// then the gauge counts them, and how long the oldest has waited
		assertThat(backlog("EMAIL")).isEqualTo(120);
		assertThat(metric("greenlight.notification.backlog.oldest")).isGreaterThanOrEqualTo(0);
		assertThat(backlog("WEBHOOK")).isZero();

		// when they are delivered, it drops to 0
		drain(Instant.now());
		assertThat(backlog("EMAIL")).isZero();
		assertThat(metric("greenlight.notification.backlog.oldest")).isZero();
	}

	/** Queues {@code perRecipient} emails to each recipient; their idempotency keys. */
	private List<String> queue(String subject, int perRecipient, List<String> recipients) {
		List<String> keys = new ArrayList<>();
		for (int n = 0; n < perRecipient; n++) {
			String occurrence = subject.replace(' ', '-') + "-" + n + "-" + System.nanoTime();
			this.notifications.queue(NotificationEvent.MENTIONED, occurrence, recipients, null, null,
					subject + " " + n);
			recipients.forEach(recipient -> keys.add(NotificationService.key(NotificationEvent.MENTIONED, occurrence,
					recipient, NotificationChannel.EMAIL)));
		}
		return keys;
	}

	/** Dispatches until a round sends nothing; how many rounds sent something. */
	private int drain(Instant now) {
		int rounds = 0;
		while (this.dispatcher.dispatchDue(now) > 0) {
			rounds++;
		}
		return rounds;
	}

	private double backlog(String channel) {
		return metric("greenlight.notification.backlog?tag=channel:" + channel);
	}

	private double metric(String name) {
		Http.Response response = this.http.get(Users.OPS, "/actuator/metrics/" + name);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().at("/measurements/0/value").asDouble();
	}

	private Map<String, Long> statusOf(String subjectPrefix) {
		return this.jdbc.sql("SELECT status FROM notification WHERE channel = 'EMAIL' AND subject LIKE ?")
			.param(subjectPrefix + "%")
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static List<String> recipients() {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < RECIPIENTS; i++) {
			recipients.add("mail-user-" + i);
		}
		return recipients;
	}

	private void user(String id, String email) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setFirstName("Mail");
			user.setLastName(id);
			user.setEmail(email);
			user.setPassword("a-password-of-enough-length");
			this.identityService.saveUser(user);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Plain sockets, counted: one per SMTP connection. */
	private static final class CountingSockets extends SocketFactory {

		private final AtomicInteger opened = new AtomicInteger();

		int opened() {
			return this.opened.get();
		}

		@Override
		public Socket createSocket() {
			this.opened.incrementAndGet();
			return new Socket();
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			this.opened.incrementAndGet();
			return new Socket(host, port);
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			this.opened.incrementAndGet();
			return new Socket(host, port, localHost, localPort);
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			this.opened.incrementAndGet();
			return new Socket(host, port);
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			this.opened.incrementAndGet();
			return new Socket(address, port, localAddress, localPort);
		}

	}

}
