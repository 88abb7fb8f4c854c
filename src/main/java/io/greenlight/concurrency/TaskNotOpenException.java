package io.greenlight.concurrency;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * The task to complete is not open (any more): another request completed it, typically
 * the same form sent twice, or a colleague was quicker. Answered with 404 over REST
 * ({@link ConflictResponses}) instead of the engine's 500.
 */
class TaskNotOpenException extends NotFoundException {

	TaskNotOpenException(Throwable notFound) {
		super("it is not open any more (someone completed or deleted it, perhaps just now): reload your tasks",
				notFound);
	}

}
