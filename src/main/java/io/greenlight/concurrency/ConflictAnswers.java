package io.greenlight.concurrency;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The JAX-RS providers of a Camunda REST application with Greenlight's answers to lost
 * races ({@link RestConflictMapper}, {@link OptimisticLockingMapper}). Camunda's
 * {@link RestExceptionHandler} is left out rather than outranked: two mappers of one
 * exception type would leave the choice to Jersey.
 */
final class ConflictAnswers {

	private ConflictAnswers() {
	}

	static Set<Class<?>> addedTo(Set<Class<?>> camundaClasses) {
		Set<Class<?>> classes = new HashSet<>(camundaClasses);
		classes.remove(RestExceptionHandler.class);
		classes.add(RestConflictMapper.class);
		classes.add(OptimisticLockingMapper.class);
		return classes;
	}

}
