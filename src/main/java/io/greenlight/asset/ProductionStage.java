package io.greenlight.asset;

/**
 * Where an asset's production stands.
 */
public enum ProductionStage {

	BRIEF, PRODUCTION, INTERNAL_REVIEW, CLIENT_REVIEW, DELIVERY

}
