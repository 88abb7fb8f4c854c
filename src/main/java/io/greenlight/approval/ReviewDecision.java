package io.greenlight.approval;

/**
 * What a reviewer can decide about a version. Listed in order of precedence when a
 * stage's outcome is computed: one CHANGES_REQUESTED outweighs any number of approvals.
 */
public enum ReviewDecision {

	CHANGES_REQUESTED, APPROVED_WITH_CHANGES, APPROVED, NOT_RELEVANT

}
