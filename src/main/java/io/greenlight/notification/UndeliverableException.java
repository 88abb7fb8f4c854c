package io.greenlight.notification;

/**
 * A notification that no retry can deliver (the user has no email address, the webhook
 * subscription is gone): it ends FAILED with this message at once.
 */
class UndeliverableException extends RuntimeException {

	UndeliverableException(String message) {
		super(message);
	}

}
