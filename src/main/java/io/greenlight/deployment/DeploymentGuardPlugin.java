package io.greenlight.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.greenlight.system.GreenlightProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Deploying a workflow cannot run code (decision record 0008). At deployment: BPMN is
 * checked by {@link BpmnRules} as it is parsed, other resources by
 * {@link DeploymentResources} (DMN in FEEL, Camunda Forms, nothing else). At run time:
 * expressions resolve only the beans marked {@link CallableFromProcesses} and reach only
 * {@link AllowedMembers}; DMN evaluates no JUEL; no script language is available; CMMN is
 * off. The rest of the engine hardening (Java serialization off, deserialization type
 * validation, XXE off, query limits) is plain configuration in {@code application.yaml}.
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

	private final ProcessBeans beans;

	private final Set<String> allowedClasses;

	DeploymentGuardPlugin(GreenlightProperties properties, ListableBeanFactory beanFactory) {
		this.beans = new ProcessBeans(beanFactory);
		this.allowedClasses = Set.copyOf(properties.deployment().allowedClasses());
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		BpmnRules bpmn = new BpmnRules(new ExpressionRules(this.beans), this.allowedClasses);
		configuration.setBpmnParseFactory(parser -> new GuardedBpmnParse(parser, bpmn));
		configuration.setExpressionManager(new GuardedExpressionManager(this.beans));
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new DeploymentResources());
		configuration.setCustomPreDeployers(preDeployers);

		configuration.setCmmnEnabled(false);
		configuration.setDmnFeelEnableLegacyBehavior(false);
		configuration.setDmnElProvider(new FeelOnlyElProvider());
		configuration.setScriptEngineResolver(new NoScriptEngines());
	}

}
