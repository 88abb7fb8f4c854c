package io.greenlight.deployment;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * No script language for BPMN or DMN, whatever the classpath holds (the engine's JUEL
 * script engine and the FEEL engine register themselves as JSR-223 engines, and a
 * dependency could bring Groovy): a script that reached the engine without passing a
 * checked deployment fails instead of running.
 */
final class NoScriptEngines implements ScriptEngineResolver {

	@Override
	public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
		throw new UnsupportedOperationException("Greenlight runs no scripts");
	}

	@Override
	public ScriptEngineManager getScriptEngineManager() {
		// a manager that discovers nothing: no class loader to look in
		return new ScriptEngineManager(null);
	}

	@Override
	public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
		return null;
	}

}
