package io.greenlight.production.process;

import java.util.List;
import java.util.Locale;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.BriefDecision;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.security.EngineActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code UserTask_ApproveBrief} on complete: records the producer's decision and comment;
 * the decision stays as {@code briefDecision} for the gateway, the comment lives only in
 * the record.
 */
@CallableFromProcesses
@Component("briefDecisionListener")
class BriefDecisionListener implements TaskListener {

	private final ApprovalService approvals;

	private final AssetService assets;

	private final EngineActor actor;

	BriefDecisionListener(ApprovalService approvals, AssetService assets, EngineActor actor) {
		this.approvals = approvals;
		this.assets = assets;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		ProductionVariables variables = ProductionVariables.of(task);
		BriefDecision decision = decision(task.getVariable(Var.BRIEF_DECISION));
		this.approvals.recordBrief(variables.assetId(), decision, (String) task.getVariable(Var.BRIEF_COMMENT),
				this.actor.currentUser(task.getAssignee()), task.getId());
		if (decision == BriefDecision.RETURNED) {
			this.assets.returnBrief(variables.assetId());
		}
		task.setVariable(Var.BRIEF_DECISION, decision.name());
		task.removeVariable(Var.BRIEF_COMMENT);
	}

	private static BriefDecision decision(Object value) {
		try {
			return BriefDecision.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Choose a decision on the brief: one of " + List.of(BriefDecision.values()) + ".");
		}
	}

}
