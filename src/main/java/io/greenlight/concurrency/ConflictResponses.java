package io.greenlight.concurrency;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * How Camunda's REST APIs answer a change that lost a race, instead of their 500: 409 for
 * an optimistic locking failure ("changed by someone else just now, try again"), 404 for
 * a task that another request completed. The body has Camunda's error shape
 * ({@code type}, {@code message}, {@code code}), which Tasklist and Camunda Modeler show.
 */
final class ConflictResponses {

	private ConflictResponses() {
	}

	/**
	 * @return the answer, or empty when the failure is not about a lost race
	 */
	static Optional<Response> to(Exception failure) {
		if (Conflicts.causedBy(failure, TaskNotOpenException.class)) {
			return Optional
				.of(response(Response.Status.NOT_FOUND, NotFoundException.class, failure.getMessage(), null));
		}
		return Conflicts.optimisticLockingIn(failure)
			.map(conflict -> response(Response.Status.CONFLICT, OptimisticLockingException.class,
					(conflict instanceof ChangedJustNowException) ? failure.getMessage()
							: "Changed by someone else just now, try again. (" + failure.getMessage() + ")",
					conflict.getCode()));
	}

	private static Response response(Response.Status status, Class<?> type, String message, Integer code) {
		ExceptionDto body = new ExceptionDto();
		body.setType(type.getSimpleName());
		body.setMessage(message);
		body.setCode(code);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
