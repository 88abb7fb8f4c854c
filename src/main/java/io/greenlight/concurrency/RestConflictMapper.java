package io.greenlight.concurrency;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Takes the place of Camunda's {@code RestExceptionHandler}: the task resources wrap
 * every engine failure of a completion or form submission in a {@link RestException} with
 * status 500, a lost race included. Anything else is answered exactly as Camunda does.
 * Public because Jersey creates it.
 */
public class RestConflictMapper implements ExceptionMapper<RestException> {

	@Override
	public Response toResponse(RestException exception) {
		return ConflictResponses.to(exception)
			.orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
	}

}
