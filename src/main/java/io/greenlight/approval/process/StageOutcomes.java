package io.greenlight.approval.process;

import io.greenlight.approval.ReviewDecision;
import io.greenlight.asset.AssetService;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Hands a settled stage's outcome back to the production: {@code reviewOutcome} for its
 * gateways, and the asset's status when changes are requested.
 */
@Component
class StageOutcomes {

	private final AssetService assets;

	StageOutcomes(AssetService assets) {
		this.assets = assets;
	}

	void handBack(VariableScope scope, ReviewDecision outcome) {
		StageVariables variables = StageVariables.of(scope);
		if (outcome == ReviewDecision.CHANGES_REQUESTED) {
			this.assets.markChangesRequested(variables.assetId());
		}
		variables.outcome(outcome.name());
	}

}
