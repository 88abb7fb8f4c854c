package io.greenlight.concurrency;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camunda's REST APIs answer with Greenlight's mappers. Camunda's task resource
 * wraps every failure of a completion in a {@link RestException} with status 500 and
 * "Cannot complete task {id}: " before the engine's message; the exceptions here are
 * wrapped the same way.
 */
class ConflictResponsesTests {

	private final RestConflictMapper rest = new RestConflictMapper();

	@Test
	void aCompletionThatKeptLosingRacesIsA409SayingTryAgain() {
		Response response = this.rest.toResponse(completionFailed(new ChangedJustNowException(conflict())));

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(body(response).getType()).isEqualTo("OptimisticLockingException");
		assertThat(body(response).getMessage())
			.isEqualTo("Cannot complete task task-1: it was changed by someone else just now, try again");
		assertThat(body(response).getCode()).isEqualTo(1);
	}

	@Test
	void aTaskCompletedByAnotherRequestIsA404SayingSo() {
		Response response = this.rest.toResponse(
				completionFailed(new TaskNotOpenException(new NullValueException("Cannot find task with id task-1"))));

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(body(response).getMessage()).isEqualTo("Cannot complete task task-1: it is not open any more "
				+ "(someone completed or deleted it, perhaps just now): reload your tasks");
	}

	@Test
	void anyOtherOptimisticLockingFailureIsA409Too() {
		Response wrapped = this.rest.toResponse(completionFailed(conflict()));
		Response unwrapped = new OptimisticLockingMapper().toResponse(conflict());

		assertThat(wrapped.getStatus()).isEqualTo(409);
		assertThat(body(wrapped).getMessage()).startsWith("Changed by someone else just now, try again.");
		assertThat(unwrapped.getStatus()).isEqualTo(409);
		assertThat(body(unwrapped).getMessage()).startsWith("Changed by someone else just now, try again.")
			.contains("ENGINE-03005");
	}

	@Test
	void everythingElseIsAnsweredAsCamundaDoes() {
		Response response = this.rest
			.toResponse(completionFailed(new ProcessEngineException("Unknown property used in expression")));

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(body(response).getType()).isEqualTo("RestException");
		assertThat(body(response).getMessage())
			.isEqualTo("Cannot complete task task-1: Unknown property used in expression");
	}

	private static RestException completionFailed(ProcessEngineException failure) {
		return new RestException(Response.Status.INTERNAL_SERVER_ERROR, failure,
				"Cannot complete task task-1: " + failure.getMessage());
	}

	private static OptimisticLockingException conflict() {
		OptimisticLockingException conflict = new OptimisticLockingException(
				"ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed. "
						+ "Entity was updated by another transaction concurrently.");
		conflict.setCode(1);
		return conflict;
	}

	private static ExceptionDto body(Response response) {
		return (ExceptionDto) response.getEntity();
	}

}
