package io.greenlight.production.process;

import java.util.Locale;

import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code UserTask_ConfirmAnotherRound}: on create, tells the form how many rounds the
 * asset has had ({@code revisionRounds}, task-local); on complete, accepts CONTINUE or
 * STOP as {@code anotherRound} (STOP needs a reason, kept in the task's history).
 */
@CallableFromProcesses
@Component("anotherRoundListener")
class AnotherRoundListener implements TaskListener {

	private static final String CONTINUE = "CONTINUE";

	private static final String STOP = "STOP";

	private final AssetService assets;

	AnotherRoundListener(AssetService assets) {
		this.assets = assets;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal(Var.REVISION_ROUNDS,
					this.assets.get(ProductionVariables.of(task).assetId()).revisionRound());
			return;
		}
		String answer = String.valueOf(task.getVariable(Var.ANOTHER_ROUND)).toUpperCase(Locale.ROOT);
		if (!CONTINUE.equals(answer) && !STOP.equals(answer)) {
			throw new InvalidRequestException("Choose whether the production goes on: CONTINUE or STOP.");
		}
		Object reason = task.getVariable(Var.ANOTHER_ROUND_COMMENT);
		if (STOP.equals(answer) && (reason == null || reason.toString().isBlank())) {
			throw new InvalidRequestException("Say why the production stops: a comment is required.");
		}
		task.setVariable(Var.ANOTHER_ROUND, answer);
	}

}
