package io.greenlight.concurrency;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Tells a change that lost a race with another one from a change that is wrong in itself,
 * by what the engine and the database threw.
 */
public final class Conflicts {

	// the engine's message when CompleteTaskCmd or SubmitTaskFormCmd does not find its
	// task; there is no exception type for it
	private static final String TASK_NOT_FOUND = "Cannot find task with id";

	// unique key and foreign key violations: the same SQL states on H2 and PostgreSQL
	private static final Set<String> RACING_CONSTRAINTS = Set.of("23505", "23503");

	private Conflicts() {
	}

	/**
	 * Whether the failure says that another transaction committed first: the engine's
	 * optimistic locking (a row changed or deleted since it was read, or a variable
	 * created twice), or an integrity constraint the other transaction's rows made this
	 * one violate: one of Greenlight's unique keys (the same decision recorded for the
	 * same task), or, on PostgreSQL, a foreign key (an execution deleted while another
	 * completion gave it a child), which the engine does not translate into optimistic
	 * locking. Either way this transaction was rolled back whole, and doing it again on
	 * the new state is safe.
	 */
	public static boolean lostRace(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException
					|| (cause instanceof SQLException sql && RACING_CONSTRAINTS.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/** The engine's optimistic locking failure behind this failure, if it is one. */
	static Optional<OptimisticLockingException> optimisticLockingIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException conflict) {
				return Optional.of(conflict);
			}
		}
		return Optional.empty();
	}

	static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the failure is a completion not finding the task it was asked about. */
	static boolean taskNotFound(Throwable failure) {
		return failure instanceof NullValueException && failure.getMessage() != null
				&& failure.getMessage().startsWith(TASK_NOT_FOUND);
	}

}
