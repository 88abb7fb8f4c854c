package io.greenlight.production;

import java.util.List;
import java.util.stream.Collectors;

import io.greenlight.production.process.CreativeProductionProcess;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.stereotype.Component;

/**
 * Which workflow a production starts on: the one a brief names, if it is a production
 * workflow (its brief becomes an asset: a "register brief" step, shipped or built from
 * the block), or CreativeProductionProcess. Whether the caller may start it is the
 * engine's check when it starts (403).
 */
@Component
class ProductionWorkflows {

	static final String DEFAULT = CreativeProductionProcess.PROCESS_ID;

	private static final String REGISTER_BRIEF = "${registerBriefDelegate}";

	private static final int MAX_LISTED = 100;

	private final RepositoryService repositoryService;

	ProductionWorkflows(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/**
	 * The process definition key to start.
	 * @throws InvalidRequestException when {@code requested} is no deployed production
	 * workflow, naming those the caller may start
	 */
	String resolve(String requested) {
		if (requested == null || requested.isBlank()) {
			return DEFAULT;
		}
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(requested)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new InvalidRequestException(
					"There is no workflow '" + requested + "': use one of " + startable() + ".");
		}
		if (!isProduction(definition)) {
			throw new InvalidRequestException("'" + requested + "' is not a production workflow (it does not "
					+ "register a brief): use one of " + startable() + ".");
		}
		return definition.getKey();
	}

	// the production workflows the signed-in user may start
	private String startable() {
		List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.startablePermissionCheck()
			.orderByProcessDefinitionKey()
			.asc()
			// the engine refuses unbounded lists (query-max-results-limit)
			.listPage(0, MAX_LISTED);
		return definitions.stream()
			.filter(this::isProduction)
			.map(ProcessDefinition::getKey)
			.distinct()
			.collect(Collectors.joining(", "));
	}

	private boolean isProduction(ProcessDefinition definition) {
		return this.repositoryService.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(ServiceTask.class)
			.stream()
			.anyMatch(task -> REGISTER_BRIEF.equals(task.getCamundaDelegateExpression()));
	}

}
