package io.greenlight.concurrency;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * An optimistic locking failure that reaches Camunda's REST API unwrapped (any call other
 * than a completion, for example setting variables while a colleague completes the task)
 * is a 409, not the 500 Camunda's {@code ProcessEngineExceptionHandler} gives it. Jersey
 * picks this mapper over that one because its type is the nearer one. Public because
 * Jersey creates it.
 */
public class OptimisticLockingMapper implements ExceptionMapper<OptimisticLockingException> {

	@Override
	public Response toResponse(OptimisticLockingException exception) {
		return ConflictResponses.to(exception).orElseThrow();
	}

}
