package io.greenlight.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.greenlight.system.InvalidRequestException;

/**
 * The rule of one review stage and what it needs: the quorum for QUORUM, the primary
 * reviewer for PRIMARY.
 *
 * @param rule how decisions become the outcome
 * @param quorum how many approvals settle a QUORUM stage (0 for other rules)
 * @param primaryReviewer whose decision settles a PRIMARY stage (null for other rules)
 */
public record StageRule(DecisionRule rule, int quorum, String primaryReviewer) {

	/**
	 * Checks the rule against the stage's reviewers, so a stage that could never settle
	 * does not start.
	 */
	public StageRule {
		if (rule == null) {
			throw new InvalidRequestException(
					"A review stage needs a decision rule: one of " + Arrays.toString(DecisionRule.values()) + ".");
		}
		if (rule == DecisionRule.QUORUM && quorum < 1) {
			throw new InvalidRequestException("A QUORUM stage needs a quorum of at least 1, not " + quorum + ".");
		}
		if (rule == DecisionRule.PRIMARY && (primaryReviewer == null || primaryReviewer.isBlank())) {
			throw new InvalidRequestException("A PRIMARY stage needs a primary reviewer.");
		}
	}

	/** Parses a rule as routing tables and process variables spell it ("quorum"). */
	public static StageRule of(String rule, Integer quorum, String primaryReviewer) {
		DecisionRule parsed;
		try {
			parsed = DecisionRule.valueOf(String.valueOf(rule).trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Unknown decision rule '" + rule + "': use one of " + Arrays.toString(DecisionRule.values()) + ".");
		}
		return new StageRule(parsed, (quorum != null) ? quorum : 0, primaryReviewer);
	}

	/** Whether this rule can settle with these reviewers at all. */
	public void checkReviewers(List<String> reviewers) {
		if (reviewers.isEmpty()) {
			throw new InvalidRequestException("A review stage needs at least one reviewer.");
		}
		if (this.rule == DecisionRule.QUORUM && this.quorum > reviewers.size()) {
			throw new InvalidRequestException("A quorum of " + this.quorum + " needs at least " + this.quorum
					+ " reviewers; this stage has " + reviewers.size() + ".");
		}
		if (this.rule == DecisionRule.PRIMARY && !reviewers.contains(this.primaryReviewer)) {
			throw new InvalidRequestException(
					"The primary reviewer " + this.primaryReviewer + " is not among the reviewers " + reviewers + ".");
		}
	}

}
