package io.greenlight.production.process;

import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_DeliverAsset}: the asset is delivered with its approved version.
 */
@CallableFromProcesses
@Component("deliverAssetDelegate")
class DeliverAssetDelegate implements JavaDelegate {

	private final AssetService assets;

	DeliverAssetDelegate(AssetService assets) {
		this.assets = assets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.assets.deliver(ProductionVariables.of(execution).assetId());
	}

}
