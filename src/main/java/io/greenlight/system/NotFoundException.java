package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * Something the caller asked for does not exist, or the caller may not know that it
 * exists: both answer 404, so a user cannot probe for other projects' data.
 */
public class NotFoundException extends ApiProblem {

	public NotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
