package io.greenlight.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import io.greenlight.support.TestSmtp;
import io.greenlight.support.ServerIT;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.greenlight.benchmark.Measure.database;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite: how fast the notification dispatcher delivers email (issue
 * 14). Writes N email notifications (default 5,000) straight into the outbox, for many
 * recipients (default 500 users, each with an address), and lets the server's own
 * dispatch schedule send them to a GreenMail SMTP server in this JVM. Prints emails per
 * second, the time to drain (from the first round to the last email marked SENT) and,
 * once a second, what was sent and what the backlog gauge said. Checks that each email
 * arrived once. See docs/operations.md, "Benchmarks".
 * <p>
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EmailThroughputBenchmark [-Dgreenlight.test.profile=postgres]
 * [-Dgreenlight.benchmark.emails=5000] [-Dgreenlight.benchmark.recipients=500]
 * [-Dgreenlight.benchmark.warm-up=1000]
 * [-Dgreenlight.notification.dispatcher.senders=4]
 * [-Dgreenlight.notification.dispatcher.batch-size=50]}
 */
// a server configuration of its own (SMTP, the dispatch schedule on): a JVM of its own
@Tag("own-server")
@ServerIT
class EmailThroughputBenchmark {

	private static final int SMTP_PORT = TestSmtp.freePort();

	private final JdbcTemplate jdbc;

	private final IdentityService identity;

	private final MeterRegistry meters;

	private final Environment environment;

	private GreenMail smtp;

	@Autowired
	EmailThroughputBenchmark(JdbcTemplate jdbc, IdentityService identity, MeterRegistry meters,
			Environment environment) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.meters = meters;
		this.environment = environment;
	}

	@DynamicPropertySource
	static void smtpAndSchedule(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, SMTP_PORT);
		// the real schedule, looking every second: rows written straight into the
		// outbox raise no signal
		registry.add("greenlight.notification.dispatcher.enabled", () -> "true");
		registry.add("greenlight.notification.dispatcher.interval",
				() -> System.getProperty("greenlight.notification.dispatcher.interval", "PT1S"));
		registry.add("greenlight.notification.dispatcher.idle-interval",
				() -> System.getProperty("greenlight.notification.dispatcher.idle-interval", "PT1S"));
	}

	@BeforeEach
	void startMailServer() {
		this.smtp = TestSmtp.server(SMTP_PORT);
		this.smtp.start();
	}

	@AfterEach
	void stopMailServer() {
		this.smtp.stop();
	}

	@Test
	void emailsPerSecond() throws Exception {
		int emails = Integer.getInteger("greenlight.benchmark.emails", 5_000);
		int recipients = Integer.getInteger("greenlight.benchmark.recipients", 500);
		int warmUp = Integer.getInteger("greenlight.benchmark.warm-up", 1_000);
		List<String> users = users(recipients);
		awaitEmptyOutbox(Duration.ofMinutes(2));
		String assetId = this.jdbc.queryForList("SELECT id FROM asset ORDER BY created_at", String.class)
			.stream()
			.findFirst()
			.orElse(null);

		System.out.printf("%nGreenlight email throughput benchmark (%s)%n", database(this.jdbc));
		System.out.printf(
				"  %,d emails to %,d recipients, about asset %s; dispatcher: batch-size %s, senders %s, "
						+ "lease %s%n",
				emails, recipients, assetId, setting("batch-size"), setting("senders"), setting("lease"));
		if (warmUp > 0) {
			// as Measure warms calls up: the JIT compiles the send path before the
			// clock runs
			long warmStart = System.nanoTime();
			insert("warm-" + UUID.randomUUID().toString().substring(0, 8), warmUp, users, assetId);
			awaitEmptyOutbox(Duration.ofMinutes(30));
			System.out.printf("  warm-up: %,d emails sent first, in %.1f s%n", warmUp,
					(System.nanoTime() - warmStart) / 1e9);
		}
		this.smtp.reset();
		String run = UUID.randomUUID().toString().substring(0, 8);
		long insertStart = System.nanoTime();
		insert(run, emails, users, assetId);
		Instant queued = Instant.now();
		System.out.printf("  queued in %.1f s (one batched INSERT)%n", (System.nanoTime() - insertStart) / 1e9);

		System.out.printf("  %6s %8s %8s %10s %10s%n", "t s", "sent", "per s", "backlog", "oldest s");
		long sent = 0;
		long last = 0;
		long cpuStart = cpuNanos();
		long dispatcherStart = dispatcherCpuNanos();
		long start = System.nanoTime();
		Instant deadline = queued.plus(Duration.ofMinutes(Math.max(10, emails / 100)));
		while (sent < emails && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			sent = count("SELECT COUNT(*) FROM notification WHERE status = 'SENT' AND idempotency_key LIKE ?",
					"BENCH:" + run + ":%");
			System.out.printf("  %6.0f %8d %8d %10s %10s%n", (System.nanoTime() - start) / 1e9, sent, sent - last,
					gauge("greenlight.notification.backlog", "EMAIL"),
					gauge("greenlight.notification.backlog.oldest", null));
			last = sent;
		}
		Timestamp first = this.jdbc.queryForObject(
				"SELECT MIN(sent_at) FROM notification WHERE status = 'SENT' AND idempotency_key LIKE ?",
				Timestamp.class, "BENCH:" + run + ":%");
		Timestamp end = this.jdbc.queryForObject(
				"SELECT MAX(sent_at) FROM notification WHERE status = 'SENT' AND idempotency_key LIKE ?",
				Timestamp.class, "BENCH:" + run + ":%");
		Instant done = Instant.now();
		long cpu = cpuNanos() - cpuStart;
		long dispatcherCpu = dispatcherCpuNanos() - dispatcherStart;
		assertThat(sent).as("all sent within the deadline").isEqualTo(emails);
		// sent_at is when a round began: the last round's sends end within the
		// second of polling that saw them, so "done" is when the poll saw the last one
		double drain = Duration.between(first.toInstant(), done).toMillis() / 1000.0;
		double fromQueued = Duration.between(queued, done).toMillis() / 1000.0;
		Set<String> ids = Arrays.stream(this.smtp.getReceivedMessages())
			.map(TestSmtp::messageId)
			.collect(Collectors.toSet());
		System.out.printf(
				"  drained in %.1f s from the first round (%.1f s from queueing; last round began %.1f s "
						+ "after the first): %.0f emails/s%n",
				drain, fromQueued, Duration.between(first.toInstant(), end.toInstant()).toMillis() / 1000.0,
				emails / drain);
		// this JVM runs the server and GreenMail: on a shared machine, CPU per email says
		// more than wall time
		System.out.printf("  CPU of this JVM (server and GreenMail) while draining: %.1f s, %.2f ms per email, "
				+ "%d processors; of it the dispatcher's threads (claim, compose, SMTP client, mark): %.2f ms per "
				+ "email%n", cpu / 1e9, cpu / 1e6 / emails, Runtime.getRuntime().availableProcessors(),
				dispatcherCpu / 1e6 / emails);
		System.out.printf("  GreenMail received %,d messages, %,d distinct Message-IDs%n%n",
				this.smtp.getReceivedMessages().length, ids.size());
		assertThat(ids).hasSize(emails);
		assertThat(this.smtp.getReceivedMessages()).hasSize(emails);
	}

	/** Rows as NotificationService writes them, in one JDBC batch. */
	private void insert(String run, int emails, List<String> users, String assetId) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < emails; i++) {
			String recipient = users.get(i % users.size());
			rows.add(new Object[] { UUID.randomUUID().toString(), "BENCH:" + run + ":" + i + ":" + recipient + ":EMAIL",
					"MENTIONED", recipient, "EMAIL", assetId, "Mentioned in comment " + i + " (benchmark " + run + ")",
					now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO notification (id, idempotency_key, event, recipient, channel, asset_id, "
				+ "subject, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
				rows);
	}

	private List<String> users(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "bench-" + i;
			if (this.identity.createUserQuery().userId(id).count() == 0) {
				User user = this.identity.newUser(id);
				user.setFirstName("Bench" + i);
				user.setLastName("Reader");
				user.setEmail(id + "@agency.test");
				user.setPassword("a-password-of-enough-length");
				this.identity.saveUser(user);
			}
			ids.add(id);
		}
		return ids;
	}

	/** What earlier rounds left (demo data) is sent before the clock starts. */
	private void awaitEmptyOutbox(Duration atMost) throws InterruptedException {
		Instant until = Instant.now().plus(atMost);
		while (count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND channel = ? AND attempts = 0",
				"EMAIL") > 0 && Instant.now().isBefore(until)) {
			Thread.sleep(200);
		}
	}

	private long count(String sql, String param) {
		return this.jdbc.queryForObject(sql, Long.class, param);
	}

	/** The gauge's value, or "-" where the server has none (the code before it). */
	private String gauge(String name, String channel) {
		Gauge gauge = (channel != null) ? this.meters.find(name).tag("channel", channel).gauge()
				: this.meters.find(name).gauge();
		return (gauge != null) ? String.format("%.0f", gauge.value()) : "-";
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** The scheduler's thread and the senders' (they live on between rounds). */
	private static long dispatcherCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith("notification-sender")
					|| thread.getName().startsWith("scheduling"))
			.mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId())))
			.sum();
	}

	private String setting(String name) {
		return this.environment.getProperty("greenlight.notification.dispatcher." + name, "(default)");
	}

}
