package io.greenlight.production.process;

import io.greenlight.production.process.CreativeProductionProcess.Var;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Records which routing table a production's business rule task evaluated: its decision
 * definition id and version, as {@code stageRoutingTableId} and
 * {@code stageRoutingTableVersion}, which the call activity hands to the review stage.
 *
 * <p>
 * The production binds the latest table ({@code decisionRefBinding="latest"}), so the
 * version is known only once the engine has resolved it. This is the definition the DMN
 * engine evaluated, taken from the evaluation itself, as the engine's own history takes
 * it: exact. Reading the latest table by key again afterwards could see a table deployed
 * in between, and the historic decision instance is not written until the transaction
 * that also opens the stage commits.
 */
final class RoutingTableListener implements DmnDecisionEvaluationListener {

	@Override
	public void notify(DmnDecisionEvaluationEvent event) {
		if (!(event.getDecisionResult().getDecision() instanceof DecisionDefinition table)
				|| !CreativeProductionProcess.DECISION_REVIEW_ROUTING.equals(table.getKey())) {
			return;
		}
		// null when evaluated outside a process (REST evaluate, tests of the table alone)
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		if (context == null || context.getExecution() == null) {
			return;
		}
		// like the routing outputs: on the production, replaced by the next stage's
		context.getExecution().setVariable(Var.STAGE_ROUTING_TABLE_ID, table.getId());
		context.getExecution().setVariable(Var.STAGE_ROUTING_TABLE_VERSION, table.getVersion());
	}

}
