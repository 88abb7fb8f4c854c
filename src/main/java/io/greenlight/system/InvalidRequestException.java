package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * The request is well-formed but names something that cannot be used (an unknown project
 * code, a project without reviewers): 400 with the message.
 */
public class InvalidRequestException extends ApiProblem {

	public InvalidRequestException(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
