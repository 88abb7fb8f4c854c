package io.greenlight.production.process;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.ProductionStage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task's creation: moves the asset to the task's {@code productionStage}
 * and names the task after the asset and version it is about ("Internal review: Summer
 * spot v2"), so a Tasklist entry always says which version is meant.
 */
@Component("assetTaskListener")
class AssetTaskListener implements TaskListener {

	private final AssetService assets;

	AssetTaskListener(AssetService assets) {
		this.assets = assets;
	}

	@Override
	public void notify(DelegateTask task) {
		ProductionVariables variables = ProductionVariables.of(task);
		ProductionStage stage = variables.productionStage();
		Asset asset = this.assets.get(variables.assetId());
		this.assets.enterStage(asset.id(), stage);
		String subject = switch (stage) {
			case BRIEF -> asset.title();
			case PRODUCTION -> asset.title() + " v" + this.assets.nextVersionNumber(asset.id());
			default -> asset.title() + " v" + this.assets.version(variables.assetVersionId()).number();
		};
		task.setName(task.getName() + ": " + subject);
	}

}
