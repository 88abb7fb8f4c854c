package io.greenlight.notification;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each round claims due notifications (a claim with a lease,
 * see {@link Outbox}), sends each outside any transaction, and marks it SENT; a failed
 * send is tried again after a back-off that doubles, and after
 * {@code greenlight.notification.dispatcher.max-attempts} it is FAILED with its last
 * error, for an operator to retry. Any number of nodes may dispatch from one database: a
 * notification is claimed by one of them at a time. A node that dies between sending and
 * marking leaves a claim that expires, and the notification is sent once more, with the
 * same idempotency key.
 */
@Component
public class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final Outbox outbox;

	private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);

	private final NotificationProperties.Dispatcher settings;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	NotificationDispatcher(Outbox outbox, List<NotificationSender> senders, NotificationProperties properties) {
		this.outbox = outbox;
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
		this.settings = properties.dispatcher();
	}

	/**
	 * Sends the notifications that are due now.
	 * @return how many were sent
	 */
	public int dispatchDue() {
		return dispatchDue(Instant.now());
	}

	int dispatchDue(Instant now) {
		String claimant = this.node + "/" + UUID.randomUUID();
		List<OutboxNotification> claimed = this.outbox.claim(claimant, now, now.plus(this.settings.lease()),
				this.settings.batchSize());
		int sent = 0;
		for (OutboxNotification notification : claimed) {
			if (deliver(notification, claimant, now)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean deliver(OutboxNotification notification, String claimant, Instant now) {
		NotificationSender sender = this.senders.get(notification.channel());
		try {
			if (sender == null) {
				throw new UndeliverableException("No sender for channel " + notification.channel());
			}
			sender.send(notification);
		}
		catch (UndeliverableException ex) {
			log.warn("Notification {} FAILED: {}", notification.idempotencyKey(), ex.getMessage());
			this.outbox.markFailed(notification.id(), claimant, ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failed(notification, claimant, "interrupted", now);
			return false;
		}
		catch (Exception ex) {
			failed(notification, claimant, describe(ex), now);
			return false;
		}
		if (!this.outbox.markSent(notification.id(), claimant, now)) {
			log.warn("Notification {} was sent, but its claim had expired: another node may send it again "
					+ "(same idempotency key)", notification.idempotencyKey());
		}
		return true;
	}

	private void failed(OutboxNotification notification, String claimant, String error, Instant now) {
		int attempt = notification.attempts() + 1;
		if (attempt >= this.settings.maxAttempts()) {
			log.warn("Notification {} FAILED after {} attempts: {}", notification.idempotencyKey(), attempt, error);
			this.outbox.markFailed(notification.id(), claimant, error);
			return;
		}
		Instant next = now.plus(backoff(attempt));
		log.info("Notification {} not sent (attempt {}), next attempt at {}: {}", notification.idempotencyKey(),
				attempt, next, error);
		this.outbox.markAttemptFailed(notification.id(), claimant, error, next);
	}

	/** Initial back-off, doubled after each further failure, at most the maximum. */
	Duration backoff(int attempt) {
		Duration delay = this.settings.initialBackoff();
		for (int i = 1; i < attempt && delay.compareTo(this.settings.maxBackoff()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : delay;
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName()).append(": ").append(ex.getMessage());
		Throwable cause = ex.getCause();
		while (cause != null && cause != cause.getCause()) {
			text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
			cause = cause.getCause();
		}
		return text.toString();
	}

}
