package io.greenlight.concurrency;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Puts {@link CompletionRetryInterceptor} in front of the engine's command chain for
 * transactional commands, so it wraps the Spring transaction interceptor: Camunda's
 * {@code SpringTransactionsProcessEngineConfiguration} appends its own interceptors
 * (exception codes, log, counter, process application context, Spring transaction,
 * command context) after the custom "pre" ones.
 */
@Component
class CompletionRetryPlugin extends AbstractProcessEnginePlugin {

	private final int attempts;

	CompletionRetryPlugin(ConcurrencyProperties properties) {
		this.attempts = properties.completionAttempts();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		interceptors.add(new CompletionRetryInterceptor(this.attempts));
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

}
