package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. A notification is written in the transaction of the event that
 * causes it, once per (event occurrence, recipient, channel): a retried job or a replayed
 * listener finds the row already there and adds nothing. Each recipient gets it on the
 * channels they chose (in the app at once; by email through the dispatcher, or in their
 * daily digest), and each webhook of the asset's project subscribed to the event gets one
 * delivery. Email and webhook rows wait as PENDING for {@link NotificationDispatcher}.
 */
@Service
@Transactional
public class NotificationService {

	static final String CHANNEL_EMAIL = NotificationChannel.EMAIL.name();

	static final String PENDING = "PENDING";

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final JdbcClient jdbc;

	private final NotificationPreferences preferences;

	private final WebhookSubscriptions webhooks;

	private final ObjectMapper json;

	private final Links links;

	private final OutboxSignal signal;

	NotificationService(JdbcClient jdbc, NotificationPreferences preferences, WebhookSubscriptions webhooks,
			ObjectMapper json, Links links, OutboxSignal signal) {
		this.jdbc = jdbc;
		this.links = links;
		this.signal = signal;
		this.preferences = preferences;
		this.webhooks = webhooks;
		this.json = json;
	}

	/**
	 * Queues the event for each recipient on the channels they chose, and for the
	 * project's webhooks.
	 * @param occurrence what makes this event unique (a task id, a version id), so the
	 * same event never notifies the same person twice
	 * @return how many recipients were newly notified (recipients already notified are
	 * skipped)
	 */
	public int queue(NotificationEvent event, String occurrence, Collection<String> recipients, String assetId,
			String versionId, String subject) {
		return queue(event, occurrence, recipients, assetId, versionId, null, subject);
	}

	/**
	 * Like {@link #queue(NotificationEvent, String, Collection, String, String, String)},
	 * for an event about a task: the messages link to it in Tasklist.
	 */
	public int queue(NotificationEvent event, String occurrence, Collection<String> recipients, String assetId,
			String versionId, String taskId, String about) {
		String subject = withReference(about, assetId);
		Set<String> distinct = new LinkedHashSet<>(recipients);
		distinct.remove(null);
		int notified = 0;
		OffsetDateTime now = OffsetDateTime.now();
		for (String recipient : distinct) {
			boolean added = false;
			if (this.preferences.wants(recipient, event, NotificationChannel.IN_APP)) {
				added |= addToFeed(key(event, occurrence, recipient, NotificationChannel.IN_APP), event, recipient,
						assetId, versionId, taskId, subject, now);
			}
			if (wantsEmailNow(recipient, event)) {
				added |= addToOutbox(new Outgoing(key(event, occurrence, recipient, NotificationChannel.EMAIL), event,
						recipient, NotificationChannel.EMAIL, assetId, versionId, taskId, subject, null), now);
			}
			if (added) {
				log.info("Notification queued: {} to {}: {}", event, recipient, subject);
				notified++;
			}
		}
		queueWebhooks(event, occurrence, List.copyOf(distinct), assetId, versionId, taskId, subject, now);
		return notified;
	}

	/**
	 * The subject ends with the production's reference, the one thing every message about
	 * it has in common ("Approved: Summer spot v2 (ACME-SUMMER-0042)"), unless it says it
	 * already (a task's name does).
	 */
	private String withReference(String subject, String assetId) {
		String reference = this.links.reference(assetId);
		return (reference == null || subject.contains(reference)) ? subject : subject + " (" + reference + ")";
	}

	/** Queues a daily digest email (see {@link DigestService}). */
	boolean queueDigest(String recipient, String day, String subject, String detail) {
		return addToOutbox(new Outgoing(key(NotificationEvent.DAILY_DIGEST, day, recipient, NotificationChannel.EMAIL),
				NotificationEvent.DAILY_DIGEST, recipient, NotificationChannel.EMAIL, null, null, null, subject,
				detail), OffsetDateTime.now());
	}

	static String key(NotificationEvent event, String occurrence, String recipient, NotificationChannel channel) {
		return event + ":" + occurrence + ":" + recipient + ":" + channel;
	}

	private boolean wantsEmailNow(String recipient, NotificationEvent event) {
		if (!this.preferences.wants(recipient, event, NotificationChannel.EMAIL)) {
			return false;
		}
		return !(NotificationEvent.DIGESTED.contains(event) && this.preferences.dailyDigest(recipient));
	}

	private void queueWebhooks(NotificationEvent event, String occurrence, List<String> recipients, String assetId,
			String versionId, String taskId, String subject, OffsetDateTime now) {
		if (assetId == null) {
			return;
		}
		String projectId = this.jdbc.sql("SELECT project_id FROM asset WHERE id = ?")
			.param(assetId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (projectId == null) {
			return;
		}
		for (WebhookSubscription subscription : this.webhooks.subscribedTo(projectId, event)) {
			addToOutbox(new Outgoing(key(event, occurrence, subscription.id(), NotificationChannel.WEBHOOK), event,
					subscription.id(), NotificationChannel.WEBHOOK, assetId, versionId, taskId, subject,
					toJson(recipients)), now);
		}
	}

	private boolean addToOutbox(Outgoing outgoing, OffsetDateTime now) {
		if (exists("notification", outgoing.key())) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO notification (id, idempotency_key, event, recipient, channel, asset_id, version_id, "
					+ "task_id, subject, detail, status, attempts, created_at, next_attempt_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), outgoing.key(), outgoing.event().name(), outgoing.recipient(),
					outgoing.channel().name(), outgoing.assetId(), outgoing.versionId(), outgoing.taskId(),
					truncate(outgoing.subject()), outgoing.detail(), PENDING, 0, now, now)
			.update();
		this.signal.queued();
		return true;
	}

	private boolean addToFeed(String key, NotificationEvent event, String recipient, String assetId, String versionId,
			String taskId, String subject, OffsetDateTime now) {
		if (exists("notification_feed", key)) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO notification_feed (id, idempotency_key, recipient, event, asset_id, version_id, task_id, "
					+ "subject, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), key, recipient, event.name(), assetId, versionId, taskId,
					truncate(subject), now)
			.update();
		return true;
	}

	private boolean exists(String table, String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single() > 0;
	}

	private String toJson(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String subject) {
		return (subject.length() > 300) ? subject.substring(0, 299) + "…" : subject;
	}

	private record Outgoing(String key, NotificationEvent event, String recipient, NotificationChannel channel,
			String assetId, String versionId, String taskId, String subject, String detail) {
	}

}
