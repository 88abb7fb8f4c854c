package io.greenlight.production;

import java.util.HashMap;
import java.util.Map;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.project.NotAProjectOfYoursException;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts productions. The engine checks that the signed-in user may start one (producers
 * and creative-ops), the same way Tasklist's start form does.
 */
@Service
class ProductionService {

	private final RuntimeService runtimeService;

	private final AssetService assets;

	private final ProductionWorkflows workflows;

	ProductionService(RuntimeService runtimeService, AssetService assets, ProductionWorkflows workflows) {
		this.runtimeService = runtimeService;
		this.assets = assets;
		this.workflows = workflows;
	}

	/**
	 * @return the new production's asset (its reference is the business key)
	 */
	@Transactional
	Asset start(ProductionRequest request) {
		String workflow = this.workflows.resolve(request.workflow());
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.BRIEF_TITLE, request.title());
		variables.put(Var.PROJECT_CODE, request.projectCode());
		variables.put(Var.DELIVERABLE_TYPE, request.deliverableType().name());
		variables.put(Var.CHANNEL, request.channel().name());
		variables.put(Var.DUE_DATE, request.dueDate().toString());
		variables.put(Var.BRIEF_DESCRIPTION, request.description());
		if (request.budgetTier() != null) {
			variables.put(Var.BUDGET_TIER, request.budgetTier().name());
		}
		// the engine's signed-in user requests the brief (none of these variables names
		// anyone)
		ProcessInstance instance;
		try {
			instance = this.runtimeService.startProcessInstanceByKey(workflow, variables);
		}
		catch (NotAProjectOfYoursException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
		// ServiceTask_RegisterBrief made the new asset's reference the business key
		return this.assets.findByIdOrReference(instance.getBusinessKey()).orElseThrow();
	}

}
