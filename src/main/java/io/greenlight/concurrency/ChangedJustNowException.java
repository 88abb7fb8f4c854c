package io.greenlight.concurrency;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;

/**
 * A task completion kept losing races with other changes to its process instance until it
 * ran out of attempts. Nothing of it was kept; the user can simply try again. Answered
 * with 409 over REST ({@link ConflictResponses}).
 */
class ChangedJustNowException extends OptimisticLockingException {

	ChangedJustNowException(Throwable lastConflict) {
		super("it was changed by someone else just now, try again", lastConflict);
		// the engine's code for optimistic locking, for clients that go by codes
		setCode(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
	}

}
