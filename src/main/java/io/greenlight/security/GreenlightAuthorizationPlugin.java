package io.greenlight.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

import org.springframework.stereotype.Component;

/**
 * Puts {@link GreenlightAuthorizationManager} in the engine in place of its own
 * authorization manager (custom session factories replace the engine's of the same type).
 */
@Component
class GreenlightAuthorizationPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new Factory());
		configuration.setCustomSessionFactories(factories);
	}

	private static final class Factory implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return AuthorizationManager.class;
		}

		@Override
		public Session openSession() {
			return new GreenlightAuthorizationManager();
		}

	}

}
