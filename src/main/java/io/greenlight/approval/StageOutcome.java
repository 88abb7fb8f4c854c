package io.greenlight.approval;

import java.util.Collection;
import java.util.Comparator;

/**
 * The outcome of a review stage where every reviewer must approve: the decision with the
 * highest precedence wins (see {@link ReviewDecision}); NOT_RELEVANT counts only when
 * nobody else decided.
 */
public final class StageOutcome {

	private StageOutcome() {
	}

	public static ReviewDecision allMustApprove(Collection<ReviewDecision> decisions) {
		if (decisions.isEmpty()) {
			throw new IllegalStateException("A review stage cannot be settled before anyone decided");
		}
		return decisions.stream().min(Comparator.naturalOrder()).orElseThrow();
	}

}
