package io.greenlight.approval;

/**
 * What a stage's decisions amount to: an outcome, or a conflict a producer has to
 * resolve.
 *
 * @param outcome the stage's outcome, null when in conflict
 * @param conflict why the rule could not settle the stage by itself, null when settled
 */
public record Settlement(ReviewDecision outcome, String conflict) {

	static Settlement settled(ReviewDecision outcome) {
		return new Settlement(outcome, null);
	}

	static Settlement conflict(String why) {
		return new Settlement(null, why);
	}

	public boolean isConflict() {
		return this.conflict != null;
	}

}
