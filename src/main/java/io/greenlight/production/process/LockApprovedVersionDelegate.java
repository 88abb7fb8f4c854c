package io.greenlight.production.process;

import io.greenlight.asset.AssetService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LockApprovedVersion}: the version everyone approved becomes the
 * asset's approved version and can no longer change.
 */
@Component("lockApprovedVersionDelegate")
class LockApprovedVersionDelegate implements JavaDelegate {

	private final AssetService assets;

	LockApprovedVersionDelegate(AssetService assets) {
		this.assets = assets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		this.assets.approveVersion(variables.assetId(), variables.assetVersionId());
	}

}
