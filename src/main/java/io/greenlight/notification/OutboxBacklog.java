package io.greenlight.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far delivery is behind, for dashboards and alerts:
 * {@code greenlight.notification.backlog{channel}} (notifications PENDING and due now,
 * those being sent included) and {@code greenlight.notification.backlog.oldest} (seconds
 * since the oldest of them was queued; 0 when there is none). One aggregate query over
 * the due rows (index {@code idx_notification_due}: status, next_attempt_at), run at most
 * once per {@code backlog-max-age} however often the gauges are scraped.
 */
@Component
class OutboxBacklog implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	private final JdbcClient jdbc;

	private final long maxAgeNanos;

	private Snapshot snapshot;

	private long takenAt;

	OutboxBacklog(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.maxAgeNanos = properties.dispatcher().backlogMaxAge().toNanos();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NotificationChannel channel : NotificationChannel.values()) {
			Gauge.builder("greenlight.notification.backlog", this, backlog -> backlog.now().pending(channel))
				.description("Notifications due and not yet sent (PENDING), by channel")
				.tag("channel", channel.name())
				.register(registry);
		}
		Gauge.builder("greenlight.notification.backlog.oldest", this, backlog -> backlog.now().oldestSeconds())
			.description("How long the oldest due, unsent notification has waited since it was queued")
			.baseUnit("seconds")
			.register(registry);
	}

	synchronized Snapshot now() {
		if (this.snapshot == null || System.nanoTime() - this.takenAt >= this.maxAgeNanos) {
			try {
				this.snapshot = read(Instant.now());
				this.takenAt = System.nanoTime();
			}
			catch (RuntimeException ex) {
				// a scrape while the database is away keeps the last figures (or none)
				log.warn("Notification backlog gauges not refreshed: {}", ex.getMessage());
				if (this.snapshot == null) {
					return new Snapshot(null, Double.NaN);
				}
			}
		}
		return this.snapshot;
	}

	private Snapshot read(Instant now) {
		Map<NotificationChannel, Long> pending = new EnumMap<>(NotificationChannel.class);
		OffsetDateTime[] oldest = new OffsetDateTime[1];
		this.jdbc
			.sql("SELECT channel, COUNT(*) AS n, MIN(created_at) AS oldest FROM notification "
					+ "WHERE status = ? AND next_attempt_at <= ? GROUP BY channel")
			.params(NotificationService.PENDING, now.atOffset(ZoneOffset.UTC))
			.query(rs -> {
				pending.put(NotificationChannel.valueOf(rs.getString("channel")), rs.getLong("n"));
				OffsetDateTime created = rs.getObject("oldest", OffsetDateTime.class);
				if (created != null && (oldest[0] == null || created.isBefore(oldest[0]))) {
					oldest[0] = created;
				}
			});
		double age = (oldest[0] != null) ? Math.max(0, Duration.between(oldest[0].toInstant(), now).toMillis() / 1000.0)
				: 0;
		return new Snapshot(pending, age);
	}

	/**
	 * @param pending by channel; null while the outbox could never be read
	 */
	record Snapshot(Map<NotificationChannel, Long> pending, double oldestSeconds) {

		double pending(NotificationChannel channel) {
			return (this.pending != null) ? this.pending.getOrDefault(channel, 0L) : Double.NaN;
		}

	}

}
