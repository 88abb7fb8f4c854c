package io.greenlight.production.process;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetBudgets;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.security.EngineActor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterBrief}: the brief becomes an asset; its reference
 * (ACME-SUMMER-0042) becomes the business key, which Cockpit and Tasklist show. It is
 * requested by the signed-in user who starts the production (never by a variable: a
 * caller cannot send {@code initiator}, and this does not read it).
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
		Asset asset = this.assets.registerBrief(variables.brief(), requestedBy, execution.getProcessInstanceId());
		this.budgets.set(asset.id(), variables.budgetTier());
		execution.setProcessBusinessKey(asset.reference());
		variables.assetId(asset.id());
		variables.removeBrief();
	}

}
