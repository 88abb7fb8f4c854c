package io.greenlight.production.process;

import io.greenlight.asset.AssetBudgets;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.security.EngineActor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterBrief}: the brief becomes an asset; its id becomes the
 * business key. It is requested by the signed-in user who starts the production (never by
 * a variable: a caller cannot send {@code initiator}, and this does not read it).
 */
@CallableFromProcesses
@Component("registerBriefDelegate")
class RegisterBriefDelegate implements JavaDelegate {

	private final AssetService assets;

	private final AssetBudgets budgets;

	private final EngineActor actor;

	RegisterBriefDelegate(AssetService assets, AssetBudgets budgets, EngineActor actor) {
		this.assets = assets;
		this.budgets = budgets;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		String requestedBy = this.actor.currentUser(null);
		String assetId = this.assets.registerBrief(variables.brief(), requestedBy, execution.getProcessInstanceId());
		this.budgets.set(assetId, variables.budgetTier());
		execution.setProcessBusinessKey(assetId);
		variables.assetId(assetId);
		variables.removeBrief();
	}

}
