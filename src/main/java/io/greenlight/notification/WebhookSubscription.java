package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A project's webhook: these events are POSTed to {@code url}, signed with its secret.
 * The secret is not part of it: it is shown once, when the subscription is created, and
 * stored encrypted ({@link WebhookSubscriptions#secret}).
 */
public record WebhookSubscription(String id, String projectId, String url, WebhookFormat format,
		Set<NotificationEvent> events, String createdBy, OffsetDateTime createdAt) {

	/** The payload a receiver gets. */
	public enum WebhookFormat {

		/** Greenlight's JSON payload. */
		JSON,

		/** A Slack incoming-webhook message ({@code {"text": ...}}). */
		SLACK

	}

}
