package io.greenlight.system;

/**
 * The request is well-formed but names something that cannot be used (an unknown project
 * code, a project without reviewers): 400 with the message.
 */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}

}
