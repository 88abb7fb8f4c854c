package io.greenlight.production.process;

import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.production.ProductionNotifier;
import io.greenlight.security.EngineActor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterVersion}: the version the creative produced joins the
 * asset's stack; the reviews that follow are about exactly this version. The producers
 * hear about it.
 */
@CallableFromProcesses
@Component("registerVersionDelegate")
class RegisterVersionDelegate implements JavaDelegate {

	private final AssetService assets;

	private final EngineActor actor;

	private final ProductionNotifier notifier;

	RegisterVersionDelegate(AssetService assets, EngineActor actor, ProductionNotifier notifier) {
		this.assets = assets;
		this.actor = actor;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProductionVariables variables = ProductionVariables.of(execution);
		AssetVersion version = this.assets.registerVersion(variables.assetId(), variables.newVersion(),
				this.actor.currentUser(null));
		variables.assetVersionId(version.id());
		variables.removeVersionFields();
		this.notifier.notify(NotificationEvent.VERSION_UPLOADED, variables.assetId(), version.id());
	}

}
