package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * The request is valid but the state of the thing it is about does not allow it now
 * (409).
 */
public class ConflictException extends ApiProblem {

	public ConflictException(String message) {
		super(HttpStatus.CONFLICT, message);
	}

}
