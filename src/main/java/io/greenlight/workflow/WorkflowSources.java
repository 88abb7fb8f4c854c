package io.greenlight.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.greenlight.security.CurrentUser;
import io.greenlight.system.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;

/**
 * The files the web modeler opens: those of the deployment holding the newest shared
 * version of a workflow or a decision, read through the engine as the caller. Only
 * creative-ops and administrators may read them.
 */
@Service
class WorkflowSources {

	static final String REFUSAL = "Only creative-ops design and deploy workflows, so only they open them in "
			+ "the web modeler: ask one of them.";

	// the process first, then its decisions, then its forms, each kind by name
	private static final List<String> ORDER = List.of(WorkflowFiles.BPMN, WorkflowFiles.DMN, WorkflowFiles.FORM);

	private final RepositoryService repository;

	WorkflowSources(RepositoryService repository) {
		this.repository = repository;
	}

	WorkflowSource workflow(String key, CurrentUser user) {
		CreativeOpsOnly.check(user, REFUSAL);
		// shared definitions only, as GET /api/workflows lists them
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new NotFoundException(
					"There is no workflow '" + key + "': GET /api/workflows lists the deployed ones.");
		}
		String deploymentId = latest.getDeploymentId();
		List<WorkflowSource.SourceFile> files = this.repository.getDeploymentResources(deploymentId)
			.stream()
			.map(resource -> file(deploymentId, resource))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing((WorkflowSource.SourceFile file) -> ORDER.indexOf(file.type()))
				.thenComparing(WorkflowSource.SourceFile::name))
			.toList();
		return new WorkflowSource(latest.getKey(), latest.getName(), latest.getVersion(), latest.getId(), deploymentId,
				files);
	}

	DecisionSource decision(String key, CurrentUser user) {
		CreativeOpsOnly.check(user, REFUSAL);
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new NotFoundException("There is no decision '" + key + "': check the decision id (the id "
					+ "attribute of the decision in its DMN file).");
		}
		return new DecisionSource(latest.getKey(), latest.getName(), latest.getVersion(), latest.getId(),
				latest.getDeploymentId(), WorkflowFiles.fileName(latest.getResourceName()),
				text(this.repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())));
	}

	// BPMN, DMN and forms only: a deployment from elsewhere may hold other files
	private WorkflowSource.SourceFile file(String deploymentId, Resource resource) {
		String name = WorkflowFiles.fileName(resource.getName());
		String type = WorkflowFiles.type(name);
		if (type == null) {
			return null;
		}
		return new WorkflowSource.SourceFile(name, type,
				text(this.repository.getResourceAsStreamById(deploymentId, resource.getId())));
	}

	private static String text(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
