package io.greenlight.asset;

/**
 * The status a producer reads on an asset.
 */
public enum AssetStatus {

	BRIEF_SUBMITTED, BRIEF_RETURNED, IN_PRODUCTION, IN_REVIEW, CHANGES_REQUESTED, APPROVED, DELIVERED, STOPPED

}
