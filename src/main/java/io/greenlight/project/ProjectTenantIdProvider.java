package io.greenlight.project;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.greenlight.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Puts each process instance in its project's tenant: a called process in its caller's,
 * an instance started for a project in that project's (named by the start variable
 * {@code projectCode}, {@code projectId} or {@code assetId}), whatever the workflow, so a
 * process deployed from Camunda Modeler gets the same isolation as the shipped ones.
 * Starting work in a project one is not a member of is refused as if the project did not
 * exist. An instance started for no project belongs to no tenant; its visibility is then
 * up to the engine's authorizations alone. Decisions evaluated by a process instance
 * belong to its tenant.
 */
final class ProjectTenantIdProvider implements TenantIdProvider {

	static final List<String> PROJECT_VARIABLES = List.of("projectCode", "projectId", "assetId");

	// how a refusal names what the caller gave
	private static final Map<String, String> NAMES = Map.of("projectCode", "code", "projectId", "id", "assetId",
			"asset");

	private final ProjectRepository projects;

	ProjectTenantIdProvider(ProjectRepository projects) {
		this.projects = projects;
	}

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		DelegateExecution caller = context.getSuperExecution();
		if (caller != null) {
			return caller.getTenantId();
		}
		VariableMap variables = context.getVariables();
		for (String name : PROJECT_VARIABLES) {
			Object value = (variables != null) ? variables.get(name) : null;
			if (value instanceof String named && !named.isBlank()) {
				return tenantOf(name, named.strip());
			}
		}
		return null;
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		return (context.getExecution() != null) ? context.getExecution().getTenantId() : null;
	}

	private String tenantOf(String variable, String value) {
		Optional<Project> project = switch (variable) {
			case "projectCode" ->
				this.projects.findByCode(value).or(() -> this.projects.findByCode(value.toUpperCase(Locale.ROOT)));
			case "projectId" -> this.projects.findById(value);
			default -> this.projects.findByAsset(value);
		};
		return project.filter(this::startedByAMember)
			.map(Project::id)
			.orElseThrow(() -> new NotAProjectOfYoursException("No project with " + NAMES.get(variable) + " '" + value
					+ "' among your projects. Use the code your producer gave you, e.g. ACME-SUMMER."));
	}

	// the server itself (no authentication) and creative-ops start work anywhere
	private boolean startedByAMember(Project project) {
		Authentication user = Context.getCommandContext().getAuthentication();
		if (user == null) {
			return true;
		}
		List<String> groups = (user.getGroupIds() != null) ? user.getGroupIds() : List.of();
		return groups.contains(Groups.CREATIVE_OPS) || groups.contains(Groups.CAMUNDA_ADMIN)
				|| this.projects.isMember(project.id(), user.getUserId());
	}

}
