package io.greenlight.notification;

/**
 * Delivers an outbox notification on one channel. A send either returns (delivered),
 * throws {@link UndeliverableException} (no retry can help: FAILED at once), or throws
 * anything else (tried again after a back-off).
 */
interface NotificationSender {

	NotificationChannel channel();

	void send(OutboxNotification notification) throws Exception;

}
