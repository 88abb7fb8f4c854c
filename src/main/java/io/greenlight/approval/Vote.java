package io.greenlight.approval;

/**
 * One reviewer's decision in a stage, in the order decisions were recorded.
 */
public record Vote(String reviewer, ReviewDecision decision) {

	boolean isApproval() {
		return this.decision == ReviewDecision.APPROVED || this.decision == ReviewDecision.APPROVED_WITH_CHANGES;
	}

	boolean requestsChanges() {
		return this.decision == ReviewDecision.CHANGES_REQUESTED;
	}

}
