package io.greenlight.concurrency;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a task completion is tried again and when it is not. The rest of the engine's
 * command chain is stood in for by outcomes given in order: real races cannot be made to
 * happen a given number of times ({@code ParallelSignOffIT} shows them happening).
 */
class CompletionRetryInterceptorTests {

	private static final int ATTEMPTS = 5;

	private final Chain chain = new Chain();

	private final CompletionRetryInterceptor interceptor = new CompletionRetryInterceptor(ATTEMPTS);

	CompletionRetryInterceptorTests() {
		this.interceptor.setNext(this.chain);
	}

	@Test
	void aCompletionThatLostRacesIsTriedAgainUntilItGetsThrough() {
		this.chain.then(conflict(), conflict());

		Object result = this.interceptor.execute(completion());

		assertThat(result).isEqualTo("completed");
		assertThat(this.chain.attempts).isEqualTo(3);
	}

	@Test
	void aFormSubmissionThatLostARaceIsTriedAgainToo() {
		this.chain.then(conflict());

		this.interceptor.execute(new SubmitTaskFormCmd("task-1", null, false, false));

		assertThat(this.chain.attempts).isEqualTo(2);
	}

	@Test
	void aCompletionThatKeepsLosingGivesUpSayingSomeoneElseChangedItJustNow() {
		for (int i = 0; i < ATTEMPTS; i++) {
			this.chain.then(conflict());
		}

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isInstanceOf(OptimisticLockingException.class)
			.hasMessage("it was changed by someone else just now, try again");
		assertThat(this.chain.attempts).isEqualTo(ATTEMPTS);
	}

	@Test
	void theSameDecisionRecordedByAnotherRequestFirstIsALostRaceAndTheRetryFindsTheTaskDone() {
		// a task listener's insert hit Greenlight's unique key: the other request
		// committed the same decision; the retry finds the task completed
		this.chain.then(
				new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
						uniqueKeyViolated("decision.task_id")),
				new NullValueException("Cannot find task with id task-1: task is null"));

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isInstanceOf(TaskNotOpenException.class)
			.hasMessageContaining("someone completed or deleted it, perhaps just now");
		assertThat(this.chain.attempts).isEqualTo(2);
	}

	@Test
	void anExecutionDeletedWhileAnotherCompletionGaveItAChildIsALostRace() {
		// PostgreSQL reports this race as a foreign key violation
		this.chain.then(new ProcessEngineException(
				"ENGINE-03004 Exception while executing Database Operation " + "'DELETE ExecutionEntity[42]'",
				new SQLException("violates foreign key constraint", "23503")));

		Object result = this.interceptor.execute(completion());

		assertThat(result).isEqualTo("completed");
		assertThat(this.chain.attempts).isEqualTo(2);
	}

	@Test
	void aPermissionThatVanishedWithTheTaskIsCheckedOnceMore() {
		// the task was read, then completed by another request before its
		// authorizations were checked
		this.chain.then(new AuthorizationException("reviewer1 lacks TASK_WORK"),
				new NullValueException("Cannot find task with id task-1: task is null"));

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isInstanceOf(TaskNotOpenException.class);
		assertThat(this.chain.attempts).isEqualTo(2);
	}

	@Test
	void aPermissionReallyMissingIsReportedAfterOneMoreLook() {
		AuthorizationException missing = new AuthorizationException("reviewer3 lacks TASK_WORK");
		this.chain.then(missing, missing, missing);

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isSameAs(missing);
		assertThat(this.chain.attempts).isEqualTo(2);
	}

	@Test
	void aFailureOfTheCompletionItselfIsNotRepeated() {
		ProcessEngineException refused = new ProcessEngineException("Unknown property used in expression");
		this.chain.then(refused);

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isSameAs(refused);
		assertThat(this.chain.attempts).isEqualTo(1);
	}

	@Test
	void aUniqueKeyThatClashesEveryTimeIsAFaultAndReportedAsOne() {
		ProcessEngineException clash = new ProcessEngineException("listener failed",
				uniqueKeyViolated("notification.idempotency_key"));
		for (int i = 0; i < ATTEMPTS; i++) {
			this.chain.then(clash);
		}

		assertThatThrownBy(() -> this.interceptor.execute(completion())).isSameAs(clash);
	}

	@Test
	void otherCommandsAreNotRepeated() {
		this.chain.then(conflict());

		assertThatThrownBy(() -> this.interceptor.execute(new ClaimTaskCmd("task-1", "reviewer1")))
			.isInstanceOf(OptimisticLockingException.class);
		assertThat(this.chain.attempts).isEqualTo(1);
	}

	@Test
	void aCompletionInsideALargerTransactionIsLeftToItsCaller() {
		// Greenlight's decision API completes the task inside its own transaction, which
		// the failure has marked for rollback
		this.chain.then(conflict());
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
				new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:retry-tests", "sa", "")));

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> this.interceptor.execute(completion())))
			.isInstanceOf(OptimisticLockingException.class);
		assertThat(this.chain.attempts).isEqualTo(1);
	}

	private static CompleteTaskCmd completion() {
		return new CompleteTaskCmd("task-1", null);
	}

	// as Spring's JdbcClient reports it
	private static DuplicateKeyException uniqueKeyViolated(String key) {
		return new DuplicateKeyException("INSERT failed",
				new SQLIntegrityConstraintViolationException("Unique index violation: " + key, "23505"));
	}

	private static OptimisticLockingException conflict() {
		return new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[task-1]' failed. "
				+ "Entity was updated by another transaction concurrently.");
	}

	/**
	 * The engine's command chain after the interceptor: fails with the given failures in
	 * turn, then completes.
	 */
	private static final class Chain implements CommandExecutor {

		private final Deque<RuntimeException> failures = new ArrayDeque<>();

		private int attempts;

		void then(RuntimeException... failures) {
			this.failures.addAll(List.of(failures));
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(Command<T> command) {
			this.attempts++;
			if (!this.failures.isEmpty()) {
				throw this.failures.poll();
			}
			return (T) "completed";
		}

	}

}
