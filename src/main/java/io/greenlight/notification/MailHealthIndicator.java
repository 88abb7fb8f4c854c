package io.greenlight.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} component of {@code /actuator/health}, in place of Spring Boot's (same
 * bean name), which connects to the SMTP server and answers DOWN while it is away: that
 * made the whole server DOWN (503), and a load balancer would take a healthy server out,
 * although email only waits in the outbox and is retried.
 * <p>
 * This one reports what the dispatcher found instead, from the outbox, without connecting
 * anywhere: UP, or {@link #DELAYED} while emails wait for a retry after a failed attempt,
 * with how many and the last error. DELAYED is a status of its own that the overall
 * status ignores (it is not in {@code management.endpoint.health.status.order}), and the
 * liveness and readiness groups do not include mail at all.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator implements HealthIndicator {

	static final Status DELAYED = new Status("DELAYED",
			"emails wait for a retry: the mail server did not take them (see lastError)");

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	MailHealthIndicator(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
	}

	@Override
	public Health health() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return Health.up().withDetail("server", "none: emails are written to the log").build();
		}
		long waiting = this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE channel = ? AND status = ? AND attempts > 0")
			.params(NotificationService.CHANNEL_EMAIL, NotificationService.PENDING)
			.query(Long.class)
			.single();
		long failed = this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE channel = ? AND status = ?")
			.params(NotificationService.CHANNEL_EMAIL, Outbox.FAILED)
			.query(Long.class)
			.single();
		Health.Builder health = (waiting == 0) ? Health.up() : Health.status(DELAYED);
		health.withDetail("server", server(sender)).withDetail("waiting", waiting).withDetail("failed", failed);
		if (waiting > 0) {
			this.jdbc
				.sql("SELECT last_error FROM notification WHERE channel = ? AND status = ? AND attempts > 0 "
						+ "ORDER BY next_attempt_at DESC LIMIT 1")
				.params(NotificationService.CHANNEL_EMAIL, NotificationService.PENDING)
				.query(String.class)
				.optional()
				.ifPresent(error -> health.withDetail("lastError", error));
		}
		return health.build();
	}

	private static String server(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl smtp) {
			return (smtp.getPort() > 0) ? smtp.getHost() + ":" + smtp.getPort() : smtp.getHost();
		}
		return "configured";
	}

}
