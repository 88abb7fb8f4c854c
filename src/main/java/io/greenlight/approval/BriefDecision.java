package io.greenlight.approval;

/**
 * The producer's decision on a brief.
 */
public enum BriefDecision {

	APPROVED, RETURNED

}
