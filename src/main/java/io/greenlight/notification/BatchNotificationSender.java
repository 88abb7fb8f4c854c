package io.greenlight.notification;

import java.util.List;
import java.util.Map;

/**
 * A sender that delivers many notifications in one go (email: one SMTP connection for
 * many messages), instead of paying a connection and a lookup per notification. A round
 * prepares all its notifications of the channel at once, then its senders send shares of
 * them in parallel.
 */
interface BatchNotificationSender extends NotificationSender {

	/**
	 * Looks up what all of these need (one query for all recipients, not one each).
	 */
	Batch prepare(List<OutboxNotification> notifications);

	/** Notifications prepared together, sent a share at a time. */
	interface Batch {

		/**
		 * Sends a share of the prepared notifications together.
		 * @return the ones not sent, by id, with why: {@link UndeliverableException}
		 * (FAILED at once) or anything else (tried again after a back-off); the rest were
		 * sent
		 * @throws Exception if none of them could be sent (all are tried again)
		 */
		Map<String, Exception> send(List<OutboxNotification> share) throws Exception;

	}

}
