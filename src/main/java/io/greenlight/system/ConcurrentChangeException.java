package io.greenlight.system;

/**
 * A transactional change lost an optimistic-locking race with another change (a reviewer
 * deciding, a job settling a stage) and was rolled back whole. {@link ConcurrentChanges}
 * tries it again; if it keeps losing, the caller gets a 409 that says so.
 */
public class ConcurrentChangeException extends ConflictException {

	public ConcurrentChangeException(String message) {
		super(message);
	}

}
