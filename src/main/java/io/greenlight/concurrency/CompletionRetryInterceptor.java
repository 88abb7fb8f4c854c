package io.greenlight.concurrency;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task completion again when it lost a race with another transaction on the same
 * process instance: reviewers of a parallel sign-off completing at the same moment all
 * update its multi-instance execution and its variables, and all but one fail the
 * engine's optimistic locking.
 * <p>
 * Safe because it sits before the transaction interceptor and only acts when no outer
 * transaction is active: the failed attempt was rolled back whole, so the next one reads
 * the new state and checks everything again (whether the task is open, who may work on
 * it, the form's rules). Only completions and form submissions are repeated: they are
 * what users send at the same moment, and they carry all their input with them.
 */
class CompletionRetryInterceptor extends CommandInterceptor {

	private static final Set<Class<?>> REPEATABLE = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

	private final int attempts;

	CompletionRetryInterceptor(int attempts) {
		this.attempts = attempts;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (!REPEATABLE.contains(command.getClass()) || partOfALargerTransaction()) {
			return this.next.execute(command);
		}
		boolean authorizationRetried = false;
		for (int attempt = 1;; attempt++) {
			try {
				return this.next.execute(command);
			}
			catch (RuntimeException ex) {
				if (Conflicts.taskNotFound(ex)) {
					throw new TaskNotOpenException(ex);
				}
				// the engine reads the task, then checks its authorizations in a second
				// statement: a completion committed in between has deleted both, which
				// looks like a missing permission. Once more tells the two apart.
				boolean retry = Conflicts.lostRace(ex)
						|| (ex instanceof AuthorizationException && !authorizationRetried);
				if (!retry) {
					throw ex;
				}
				if (attempt == this.attempts) {
					// a unique key that clashes every time is a fault, not a race: say so
					throw Conflicts.optimisticLockingIn(ex).isPresent() ? new ChangedJustNowException(ex) : ex;
				}
				authorizationRetried |= ex instanceof AuthorizationException;
			}
		}
	}

	// inside a command (a delegate completing a task) or a Greenlight service's
	// transaction, a failure rolls back more than this command: only the caller may
	// decide to repeat it
	private static boolean partOfALargerTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive() || Context.getCommandContext() != null;
	}

}
