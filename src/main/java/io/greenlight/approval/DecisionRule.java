package io.greenlight.approval;

/**
 * How the decisions of a review stage's reviewers become the stage's outcome. See
 * {@link StageOutcome} and docs/processes/StakeholderReviewProcess.md.
 */
public enum DecisionRule {

	/** Every reviewer decides; approved only if nobody requested changes. */
	ALL,
	/** The first decision settles the stage; the other reviews are withdrawn. */
	ANY,
	/** The primary reviewer's decision settles the stage; the others advise. */
	PRIMARY,
	/**
	 * n approvals settle the stage; once n can no longer be reached, changes are
	 * requested.
	 */
	QUORUM,
	/** Reviewers decide one after another; a request for changes stops the chain. */
	SEQUENTIAL

}
