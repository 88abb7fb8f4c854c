package io.greenlight.production.process;

import io.greenlight.asset.AssetBudgets;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterBrief}: the brief becomes an asset; its id becomes the
 * business key.
 */
@CallableFromProcesses
@Component("registerBriefDelegate")
class RegisterBriefDelegate implements JavaDelegate {

	private final AssetService assets;

	private final AssetBudgets budgets;

	RegisterBriefDelegate(AssetService assets, AssetBudgets budgets) {
		this.assets = assets;
		this.budgets = budgets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		String requestedBy = variables.initiator();
		if (requestedBy == null) {
			throw new IllegalStateException("A brief must be submitted by a signed-in user");
		}
		String assetId = this.assets.registerBrief(variables.brief(), requestedBy, execution.getProcessInstanceId());
		this.budgets.set(assetId, variables.budgetTier());
		execution.setProcessBusinessKey(assetId);
		variables.assetId(assetId);
		variables.removeBrief();
	}

}
