package io.greenlight.project;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Work was to be started in a project the user is not a member of, or one that does not
 * exist: the same answer for both, so a project's existence stays private. An
 * authorization failure to the engine (engine REST answers 403 with the message);
 * Greenlight's API answers 400 like for any unknown project code.
 */
public class NotAProjectOfYoursException extends AuthorizationException {

	NotAProjectOfYoursException(String message) {
		super(message);
	}

}
