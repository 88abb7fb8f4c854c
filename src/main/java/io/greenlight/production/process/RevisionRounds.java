package io.greenlight.production.process;

import io.greenlight.approval.ReviewProperties;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether an asset has been revised so often that a producer should decide whether to go
 * on ({@code ${revisionRounds.overLimit(execution)}} at {@code Gateway_RevisionRounds}):
 * too many rounds is a signal worth a human look.
 */
@CallableFromProcesses
@Component("revisionRounds")
public class RevisionRounds {

	private final AssetService assets;

	private final ReviewProperties properties;

	RevisionRounds(AssetService assets, ReviewProperties properties) {
		this.assets = assets;
		this.properties = properties;
	}

	/**
	 * True once the asset's latest version is revision round
	 * {@code greenlight.review.max-revision-rounds} or later (v1 is round 0).
	 */
	public boolean overLimit(DelegateExecution execution) {
		return this.assets.get(ProductionVariables.of(execution).assetId()).revisionRound() >= this.properties
			.maxRevisionRounds();
	}

}
