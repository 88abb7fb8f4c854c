package io.greenlight.approval;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a review stage, from its rule and the decisions recorded so far.
 * <p>
 * Precedence ({@link ReviewDecision} order): CHANGES_REQUESTED, then
 * APPROVED_WITH_CHANGES, then APPROVED, then NOT_RELEVANT. When several approvals settle
 * a stage, the one with the highest precedence is the outcome, so one "approve with
 * changes" makes the stage approved with changes. NOT_RELEVANT means the reviewer
 * abstains: it never approves a version and never requests changes.
 * <p>
 * A stage nobody approved and nobody rejected, or (under ALL) one where some approved and
 * others requested changes, is a conflict for a producer to resolve.
 */
public final class StageOutcome {

	private StageOutcome() {
	}

	/**
	 * Whether the stage is over: no further decision could change its outcome. The
	 * reviews still open are then withdrawn.
	 * @param votes the decisions so far, in the order they were recorded
	 * @param reviewers how many reviewers the stage has
	 */
	public static boolean isSettled(StageRule rule, List<Vote> votes, int reviewers) {
		if (votes.size() >= reviewers) {
			return true;
		}
		return switch (rule.rule()) {
			case ALL -> false;
			case ANY -> votes.stream().anyMatch(vote -> vote.decision() != ReviewDecision.NOT_RELEVANT);
			case PRIMARY -> primaryVote(rule, votes).isPresent();
			case QUORUM -> approvals(votes) >= rule.quorum() || quorumOutOfReach(rule, votes, reviewers);
			case SEQUENTIAL -> votes.stream().anyMatch(Vote::requestsChanges);
		};
	}

	/**
	 * The stage's outcome once it {@link #isSettled settled}.
	 */
	public static Settlement settle(StageRule rule, List<Vote> votes, int reviewers) {
		if (votes.isEmpty()) {
			throw new IllegalStateException("A review stage cannot be settled before anyone decided");
		}
		return switch (rule.rule()) {
			case ALL -> everyone(votes);
			// the chain stopped at a request for changes: earlier approvals were given
			// before it was raised, so they do not contradict it
			case SEQUENTIAL -> votes.stream().anyMatch(Vote::requestsChanges)
					? Settlement.settled(ReviewDecision.CHANGES_REQUESTED) : everyone(votes);
			case ANY -> votes.stream()
				.filter(vote -> vote.decision() != ReviewDecision.NOT_RELEVANT)
				.findFirst()
				.map(vote -> Settlement.settled(vote.decision()))
				.orElseGet(() -> Settlement.conflict("Every reviewer said the version is not relevant to them."));
			case PRIMARY -> primaryVote(rule, votes).filter(vote -> vote.decision() != ReviewDecision.NOT_RELEVANT)
				.map(vote -> Settlement.settled(vote.decision()))
				.orElseGet(() -> Settlement
					.conflict("The primary reviewer " + rule.primaryReviewer() + " made no decision that settles it."));
			case QUORUM -> (approvals(votes) >= rule.quorum()) ? Settlement.settled(highest(approved(votes)))
					: Settlement.settled(ReviewDecision.CHANGES_REQUESTED);
		};
	}

	// everyone's decision counts; approvals and requests for changes together are a
	// disagreement
	private static Settlement everyone(List<Vote> votes) {
		boolean changes = votes.stream().anyMatch(Vote::requestsChanges);
		List<Vote> approvals = approved(votes);
		if (changes && !approvals.isEmpty()) {
			return Settlement.conflict("Reviewers disagree: some approved, some requested changes.");
		}
		if (changes) {
			return Settlement.settled(ReviewDecision.CHANGES_REQUESTED);
		}
		if (approvals.isEmpty()) {
			return Settlement.conflict("Nobody approved and nobody requested changes: every reviewer said "
					+ "the version is not relevant to them.");
		}
		return Settlement.settled(highest(approvals));
	}

	private static Optional<Vote> primaryVote(StageRule rule, List<Vote> votes) {
		return votes.stream().filter(vote -> vote.reviewer().equals(rule.primaryReviewer())).findFirst();
	}

	private static List<Vote> approved(List<Vote> votes) {
		return votes.stream().filter(Vote::isApproval).toList();
	}

	private static long approvals(List<Vote> votes) {
		return votes.stream().filter(Vote::isApproval).count();
	}

	private static boolean quorumOutOfReach(StageRule rule, List<Vote> votes, int reviewers) {
		return approvals(votes) + (reviewers - votes.size()) < rule.quorum();
	}

	private static ReviewDecision highest(List<Vote> votes) {
		return votes.stream().map(Vote::decision).min(Comparator.naturalOrder()).orElseThrow();
	}

}
