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
 * and names the task after the asset, version and production it is about ("Internal
 * review: Summer spot v2 (ACME-SUMMER-0042)"), so a Tasklist entry always says which
 * version is meant and can be found by the reference people quote. The brief's approval
 * is offered to the producers' group: the project's producers are asked by notification.
 */
@CallableFromProcesses
@Component("assetTaskListener")
class AssetTaskListener implements TaskListener {

	private static final int NAME_LENGTH = 255;

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
		String version = switch (stage) {
			case BRIEF -> "";
			case PRODUCTION -> " v" + this.assets.nextVersionNumber(asset.id());
			default -> " v" + this.assets.version(variables.assetVersionId()).number();
		};
		task.setName(name(task.getName(), asset.title(), version, asset.reference()));
		if (stage == ProductionStage.BRIEF) {
			this.notifier.taskOffered(task.getId(), task.getName(), candidates(task, IdentityLink::getUserId),
					candidates(task, IdentityLink::getGroupId), asset.id(), null);
		}
	}

	/** The engine keeps 255 characters of a task's name: a long title is shortened. */
	static String name(String step, String title, String version, String reference) {
		String around = step + ": " + version + " (" + reference + ")";
		int room = NAME_LENGTH - around.length();
		String shortTitle = (title.length() <= room) ? title : title.substring(0, Math.max(0, room - 1)) + "…";
		return step + ": " + shortTitle + version + " (" + reference + ")";
	}

	private static List<String> candidates(DelegateTask task, Function<IdentityLink, String> id) {
		return task.getCandidates().stream().map(id).filter(Objects::nonNull).toList();
	}

}
