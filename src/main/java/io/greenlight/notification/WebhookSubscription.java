package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A project's webhook: these events are POSTed to {@code url}, signed with
 * {@code secret}. The secret is shown once, when the subscription is created.
 */
public record WebhookSubscription(String id, String projectId, String url, @JsonIgnore String secret,
		WebhookFormat format, Set<NotificationEvent> events, String createdBy, OffsetDateTime createdAt) {

	/** The payload a receiver gets. */
	public enum WebhookFormat {

		/** Greenlight's JSON payload. */
		JSON,

		/** A Slack incoming-webhook message ({@code {"text": ...}}). */
		SLACK

	}

}
