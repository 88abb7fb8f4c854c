package io.greenlight.notification;

import java.io.IOException;

/**
 * A webhook URL Greenlight will not call, and why: 400 when subscribing, a failed attempt
 * (retried, then FAILED) when delivering. Nothing was sent to it.
 */
class RefusedDestinationException extends IOException {

	RefusedDestinationException(String message) {
		super(message);
	}

}
