package io.greenlight.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.greenlight.security.CurrentUser;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checking and deploying what creative-ops edited in the web modeler, as the caller (the
 * engine's authorizations apply, CREATE on deployments), shared by every project like the
 * files Camunda Modeler deploys. A check is a deployment that is rolled back
 * ({@link DeploymentDryRun}), so it applies exactly the rules a deployment does.
 */
@Service
class WorkflowDeployments {

	/** The deployment source Cockpit shows for what the web modeler deployed. */
	static final String SOURCE = "greenlight-web-modeler";

	private static final String DEFAULT_NAME = "Deployed from the web modeler";

	private static final Logger log = LoggerFactory.getLogger(WorkflowDeployments.class);

	private final RepositoryService repository;

	private final DeploymentFiles files;

	private final DeploymentDryRun dryRun;

	WorkflowDeployments(RepositoryService repository, DeploymentFiles files, DeploymentDryRun dryRun) {
		this.repository = repository;
		this.files = files;
		this.dryRun = dryRun;
	}

	DeploymentCheck check(DeploymentRequest request, CurrentUser user) {
		CreativeOpsOnly.check(user, WorkflowSources.REFUSAL);
		return DeploymentCheck.of(this.dryRun.problems(this.files.checked(request)));
	}

	/**
	 * @throws DeploymentRefusedException with every problem, when the server refuses the
	 * files: nothing is deployed
	 */
	WorkflowDeployment deploy(DeploymentRequest request, CurrentUser user) {
		CreativeOpsOnly.check(user, WorkflowSources.REFUSAL);
		List<DeploymentRequest.File> checked = this.files.checked(request);
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip() : DEFAULT_NAME;
		DeploymentWithDefinitions deployment;
		try {
			deployment = builder(this.repository, name, checked).deployWithResult();
		}
		catch (RuntimeException ex) {
			throw new DeploymentRefusedException(DeploymentProblems.of(ex).orElseThrow(() -> ex));
		}
		WorkflowDeployment deployed = new WorkflowDeployment(deployment.getId(),
				definitions(deployment.getDeployedProcessDefinitions()),
				definitions(deployment.getDeployedDecisionDefinitions()),
				checked.stream()
					.map(DeploymentRequest.File::name)
					.filter(file -> WorkflowFiles.FORM.equals(WorkflowFiles.type(file)))
					.toList());
		log.info("{} deployed {} from the web modeler: deployment {}, processes {}, decisions {}", user.id(),
				checked.stream().map(DeploymentRequest.File::name).toList(), deployed.deploymentId(),
				deployed.processes(), deployed.decisions());
		return deployed;
	}

	// every file under the name it was sent with, shared by every project (no tenant)
	static DeploymentBuilder builder(RepositoryService repository, String name, List<DeploymentRequest.File> files) {
		DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE);
		// UTF-8 whatever the server's default charset, as the source reads files back
		files.forEach(file -> builder.addInputStream(file.name(),
				new ByteArrayInputStream(file.content().getBytes(StandardCharsets.UTF_8))));
		return builder;
	}

	// the engine leaves a kind the deployment holds none of unset
	static <T> List<T> deployed(List<T> definitions) {
		return (definitions != null) ? definitions : List.of();
	}

	private static List<WorkflowDeployment.Definition> definitions(List<? extends ResourceDefinition> definitions) {
		return deployed(definitions).stream()
			.map(definition -> new WorkflowDeployment.Definition(definition.getKey(), definition.getVersion(),
					definition.getId()))
			.toList();
	}

}
