package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. A notification is written in the transaction of the event that
 * causes it, once per (event occurrence, recipient, channel): a retried job or a replayed
 * listener finds the row already there and adds nothing. Rows wait as PENDING for the
 * dispatcher.
 */
@Service
@Transactional
public class NotificationService {

	static final String CHANNEL_EMAIL = "EMAIL";

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final JdbcClient jdbc;

	NotificationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues one notification per recipient.
	 * @param occurrence what makes this event unique (a task id, a version id), so the
	 * same event never notifies the same person twice
	 * @return how many notifications were queued (recipients already notified are
	 * skipped)
	 */
	public int queue(NotificationEvent event, String occurrence, Collection<String> recipients, String assetId,
			String versionId, String subject) {
		int queued = 0;
		Set<String> distinct = new LinkedHashSet<>(recipients);
		for (String recipient : distinct) {
			String key = event + ":" + occurrence + ":" + recipient + ":" + CHANNEL_EMAIL;
			if (exists(key)) {
				continue;
			}
			this.jdbc
				.sql("INSERT INTO notification (id, idempotency_key, event, recipient, channel, asset_id, "
						+ "version_id, subject, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(UUID.randomUUID().toString(), key, event.name(), recipient, CHANNEL_EMAIL, assetId, versionId,
						subject, "PENDING", 0, OffsetDateTime.now())
				.update();
			log.info("Notification queued: {} to {}: {}", event, recipient, subject);
			queued++;
		}
		return queued;
	}

	private boolean exists(String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single() > 0;
	}

}
