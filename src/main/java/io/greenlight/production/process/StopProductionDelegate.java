package io.greenlight.production.process;

import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_StopProduction}: the producer decided against another revision
 * round.
 */
@CallableFromProcesses
@Component("stopProductionDelegate")
class StopProductionDelegate implements JavaDelegate {

	private final AssetService assets;

	StopProductionDelegate(AssetService assets) {
		this.assets = assets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.assets.stop(ProductionVariables.of(execution).assetId());
	}

}
