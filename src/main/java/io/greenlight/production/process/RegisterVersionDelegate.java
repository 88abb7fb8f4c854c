package io.greenlight.production.process;

import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterVersion}: the version the creative produced joins the
 * asset's stack; the reviews that follow are about exactly this version.
 */
@Component("registerVersionDelegate")
class RegisterVersionDelegate implements JavaDelegate {

	private final AssetService assets;

	private final EngineActor actor;

	RegisterVersionDelegate(AssetService assets, EngineActor actor) {
		this.assets = assets;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		AssetVersion version = this.assets.registerVersion(variables.assetId(), variables.newVersion(),
				this.actor.currentUser(null));
		variables.assetVersionId(version.id());
		variables.removeVersionFields();
	}

}
