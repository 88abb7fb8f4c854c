package io.greenlight.system;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Keeps a deployment from running code Greenlight does not ship: BPMN is parsed by
 * {@link ScriptFreeBpmnParse}. The rest of the engine hardening (Java serialization off,
 * deserialization type validation, XXE off, query limits) is plain configuration in
 * {@code application.yaml}.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	private final Set<String> allowedClasses;

	EngineHardeningPlugin(GreenlightProperties properties) {
		this.allowedClasses = Set.copyOf(properties.deployment().allowedClasses());
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(parser -> new ScriptFreeBpmnParse(parser, this.allowedClasses));
	}

}
