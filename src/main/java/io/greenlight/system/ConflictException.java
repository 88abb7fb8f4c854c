package io.greenlight.system;

/**
 * The request is valid but the state of the thing it is about does not allow it now
 * (409).
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
