package io.greenlight.security.variables;

import java.util.ArrayList;
import java.util.List;

import io.greenlight.system.PostParseListeners;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link CallerCommandGuard} in front of every command the engine's services run
 * (the transaction-required chain, which engine REST, the webapps and Greenlight all go
 * through), before the transaction starts: a refused command opens none. It learns the
 * review stages' outcome variables ({@link ReviewOutcomeTargets}) as the engine parses.
 */
@Component
class CallerCommandGuardPlugin extends AbstractProcessEnginePlugin {

	private final TrustedWrites trustedWrites;

	private final ReviewOutcomeTargets outcomes = new ReviewOutcomeTargets();

	CallerCommandGuardPlugin(TrustedWrites trustedWrites) {
		this.trustedWrites = trustedWrites;
	}

	/** What the guard learnt, for the tests. */
	ReviewOutcomeTargets outcomes() {
		return this.outcomes;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new CallerCommandGuard(configuration, this.trustedWrites, this.outcomes));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		PostParseListeners.onCallActivities(configuration, this.outcomes::parsed);
	}

}
