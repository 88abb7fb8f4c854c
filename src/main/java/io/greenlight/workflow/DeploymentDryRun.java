package io.greenlight.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks files exactly as the server would at deployment, because it deploys them: as the
 * caller, with the deployment guard and the engine's own parsers, in a transaction that
 * is always rolled back. Nothing of the deployment remains: no rows (so no version number
 * is used up and no timer job starts), no entries in the engine's deployment cache, which
 * outlives the transaction.
 */
@Component
class DeploymentDryRun {

	private final RepositoryService repository;

	private final ProcessEngineConfigurationImpl configuration;

	private final TransactionTemplate transactions;

	DeploymentDryRun(RepositoryService repository, ProcessEngineConfigurationImpl configuration,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.configuration = configuration;
		this.transactions = transactions;
	}

	/**
	 * @return every problem the server would refuse the files for; empty when it would
	 * deploy them
	 * @throws RuntimeException what is not a refusal of the files (the caller may not
	 * deploy: 403), as a deployment would throw it
	 */
	List<DeploymentProblem> problems(List<DeploymentRequest.File> files) {
		DeploymentCache cache = this.configuration.getDeploymentCache();
		Set<String> cachedBefore = new HashSet<>(cache.getProcessDefinitionCache().keySet());
		List<DeploymentProblem> problems = new ArrayList<>();
		this.transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				DeploymentWithDefinitions deployment = WorkflowDeployments
					.builder(this.repository, "Checked in the web modeler", files)
					.deployWithResult();
				// the cache finds a deployment's definitions through its rows, which
				// are there only until the rollback
				this.configuration.getCommandExecutorTxRequired()
					.execute(commandContext -> commandContext
						.runWithoutAuthorization(() -> forget(commandContext, cache, deployment)));
			}
			catch (RuntimeException ex) {
				problems.addAll(DeploymentProblems.of(ex).orElseThrow(() -> ex));
			}
		});
		if (!problems.isEmpty()) {
			// a deployer that refuses a file (a DMN table the DMN engine cannot
			// read) may run after the BPMN deployer cached the deployment's
			// processes, and the deployment's id is lost with the exception: every
			// process cached meanwhile goes (another request's is read again)
			Set<String> cachedNow = new HashSet<>(cache.getProcessDefinitionCache().keySet());
			cachedNow.removeAll(cachedBefore);
			cachedNow.forEach(cache::removeProcessDefinition);
		}
		return problems;
	}

	private static Void forget(CommandContext commandContext, DeploymentCache cache,
			DeploymentWithDefinitions deployment) {
		cache.removeDeployment(deployment.getId());
		WorkflowDeployments.deployed(deployment.getDeployedProcessDefinitions())
			.forEach(process -> cache.removeProcessDefinition(process.getId()));
		WorkflowDeployments.deployed(deployment.getDeployedDecisionDefinitions())
			.forEach(decision -> cache.removeDecisionDefinition(decision.getId()));
		WorkflowDeployments.deployed(deployment.getDeployedDecisionRequirementsDefinitions())
			.forEach(requirements -> cache.removeDecisionRequirementsDefinition(requirements.getId()));
		commandContext.getCamundaFormDefinitionManager()
			.findDefinitionsByDeploymentId(deployment.getId())
			.forEach(form -> cache.removeCamundaFormDefinition(form.getId()));
		return null;
	}

}
