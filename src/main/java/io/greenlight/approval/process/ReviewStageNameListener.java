package io.greenlight.approval.process;

import io.greenlight.asset.ProductionStage;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review tasks on create, before {@code assetTaskListener} adds the version: one review
 * task serves every stage, so its name says which stage it is ("Internal review", "Client
 * review").
 */
@CallableFromProcesses
@Component("reviewStageNameListener")
class ReviewStageNameListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		ProductionStage stage = ProductionStage.valueOf(StageVariables.of(task).stage());
		task.setName(switch (stage) {
			case INTERNAL_REVIEW -> "Internal review";
			case CLIENT_REVIEW -> "Client review";
			default -> "Review";
		});
	}

}
