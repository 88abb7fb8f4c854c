package io.greenlight.production.process;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Installs {@link RoutingTableListener} on the engine's DMN engine, next to the listeners
 * the engine adds itself (history, metrics).
 */
@Component
class RoutingTablePlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		dmn.getCustomPostDecisionEvaluationListeners().add(new RoutingTableListener());
	}

}
