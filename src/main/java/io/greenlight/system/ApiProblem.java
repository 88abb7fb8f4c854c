package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * A business failure the API answers with a status and this message as the problem
 * detail: what is wrong and what to do about it.
 */
public abstract class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	protected ApiProblem(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
