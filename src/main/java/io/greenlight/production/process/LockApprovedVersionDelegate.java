package io.greenlight.production.process;

import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.production.ProductionNotifier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_LockApprovedVersion}: the version everyone approved becomes the
 * asset's approved version and can no longer change; the producers and the creative hear
 * about it.
 */
@CallableFromProcesses
@Component("lockApprovedVersionDelegate")
class LockApprovedVersionDelegate implements JavaDelegate {

	private final AssetService assets;

	private final ProductionNotifier notifier;

	LockApprovedVersionDelegate(AssetService assets, ProductionNotifier notifier) {
		this.assets = assets;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		this.assets.approveVersion(variables.assetId(), variables.assetVersionId());
		this.notifier.notify(NotificationEvent.ASSET_APPROVED, variables.assetId(), variables.assetVersionId());
	}

}
