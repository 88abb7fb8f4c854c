package io.greenlight.production.process;

import java.util.ArrayList;
import java.util.List;

import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who is offered a production's tasks that are not reviews, read from the asset's project
 * when the task is created:
 * {@code camunda:candidateUsers="${projectTeam.producers(execution)}"}. Offering them to
 * the project's people rather than to a whole group keeps one client's briefs and
 * versions out of the Tasklist of people working for another client.
 */
@CallableFromProcesses
@Component("projectTeam")
public class ProjectTeam {

	private final AssetService assets;

	private final ProjectRepository projects;

	ProjectTeam(AssetService assets, ProjectRepository projects) {
		this.assets = assets;
		this.projects = projects;
	}

	/** The project's producers, comma-separated: briefs, conflicts, overdue stages. */
	public String producers(VariableScope execution) {
		return String.join(",", members(execution, ProjectRole.PRODUCER));
	}

	/** The project's creatives and freelancers, comma-separated: new versions. */
	public String makers(VariableScope execution) {
		return String.join(",", members(execution, ProjectRole.CREATIVE, ProjectRole.FREELANCER));
	}

	private List<String> members(VariableScope execution, ProjectRole... roles) {
		String projectId = this.assets.get(ProductionVariables.of(execution).assetId()).projectId();
		List<String> members = new ArrayList<>();
		for (ProjectRole role : roles) {
			this.projects.members(projectId, role)
				.stream()
				.filter(user -> !members.contains(user))
				.forEach(members::add);
		}
		if (members.isEmpty()) {
			throw new IllegalStateException(
					"The project has no " + List.of(roles) + " members to offer this task to: add one and retry");
		}
		return members;
	}

}
