package io.greenlight.project;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;

import org.springframework.stereotype.Component;

/**
 * Turns the engine's tenant check into project isolation: process instances get their
 * project's tenant from {@link ProjectTenantIdProvider}, and {@link ProjectTenants} keeps
 * each project's tenant members equal to its members.
 */
@Component
class ProjectTenancyPlugin extends AbstractProcessEnginePlugin {

	private final ProjectRepository projects;

	ProjectTenancyPlugin(ProjectRepository projects) {
		this.projects = projects;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantCheckEnabled(true);
		configuration.setTenantIdProvider(new ProjectTenantIdProvider(this.projects));
		configuration.setCommandCheckers(
				new ArrayList<>(List.of(TenantRefusals.asAuthorizationRefusals(new TenantCommandChecker()),
						new AuthorizationCommandChecker())));
	}

}
