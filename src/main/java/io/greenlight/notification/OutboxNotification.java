package io.greenlight.notification;

import java.time.OffsetDateTime;

/**
 * One row of the outbox: a notification to one recipient (a user, or a webhook
 * subscription) on one channel, and where its delivery stands.
 *
 * @param idempotencyKey (event, occurrence, recipient, channel): carried to the receiver
 * as the email's {@code Message-ID} and the webhook's delivery id, so a repeated send can
 * be recognised
 * @param status PENDING, SENT or FAILED
 */
public record OutboxNotification(String id, String idempotencyKey, NotificationEvent event, String recipient,
		NotificationChannel channel, String assetId, String versionId, String taskId, String subject, String detail,
		String status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
		OffsetDateTime sentAt) {
}
