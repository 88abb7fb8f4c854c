package io.greenlight.concurrency;

import java.util.Set;

import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/**
 * The engine API the webapps call ({@code /camunda/api/engine}; Tasklist submits its
 * forms there), with Greenlight's answers to lost races. Public because Jersey creates it
 * from its class name.
 */
public class WebappEngineRestApplication extends EngineRestApplication {

	@Override
	public Set<Class<?>> getClasses() {
		return ConflictAnswers.addedTo(super.getClasses());
	}

}
