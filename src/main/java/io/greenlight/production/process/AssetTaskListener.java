package io.greenlight.production.process;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.ProductionStage;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.production.ProductionNotifier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * On every user task's creation: moves the asset to the task's {@code productionStage}
 * and names the task after the asset and version it is about ("Internal review: Summer
 * spot v2"), so a Tasklist entry always says which version is meant. The brief's approval
 * is offered to the producers' group: the project's producers are asked by notification.
 */
@CallableFromProcesses
@Component("assetTaskListener")
class AssetTaskListener implements TaskListener {

	private final AssetService assets;

	private final ProductionNotifier notifier;

	AssetTaskListener(AssetService assets, ProductionNotifier notifier) {
		this.assets = assets;
		this.notifier = notifier;
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
		if (stage == ProductionStage.BRIEF) {
			this.notifier.taskOffered(task.getId(), task.getName(), candidates(task, IdentityLink::getUserId),
					candidates(task, IdentityLink::getGroupId), asset.id(), null);
		}
	}

	private static List<String> candidates(DelegateTask task, Function<IdentityLink, String> id) {
		return task.getCandidates().stream().map(id).filter(Objects::nonNull).toList();
	}

}
