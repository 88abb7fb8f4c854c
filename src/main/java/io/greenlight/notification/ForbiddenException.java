package io.greenlight.notification;

import io.greenlight.system.ApiProblem;

import org.springframework.http.HttpStatus;

/**
 * The caller may see this, but not change or read it: 403 with what they would need.
 */
class ForbiddenException extends ApiProblem {

	ForbiddenException(String message) {
		super(HttpStatus.FORBIDDEN, message);
	}

}
