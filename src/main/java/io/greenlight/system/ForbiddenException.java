package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * The user may see the thing but not do this to it (403); the message says who may.
 */
public class ForbiddenException extends ApiProblem {

	public ForbiddenException(String message) {
		super(HttpStatus.FORBIDDEN, message);
	}

}
