package io.greenlight.approval;

import java.util.Arrays;
import java.util.List;

import io.greenlight.system.InvalidRequestException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.greenlight.approval.ReviewDecision.APPROVED;
import static io.greenlight.approval.ReviewDecision.APPROVED_WITH_CHANGES;
import static io.greenlight.approval.ReviewDecision.CHANGES_REQUESTED;
import static io.greenlight.approval.ReviewDecision.NOT_RELEVANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every decision rule on its own, without the engine: when a stage is settled and what
 * its outcome is.
 */
class StageOutcomeTests {

	private static final StageRule ALL = StageRule.of("ALL", null, null);

	private static final StageRule ANY = StageRule.of("any", null, null);

	private static final StageRule PRIMARY = StageRule.of("PRIMARY", null, "client");

	private static final StageRule QUORUM_2 = StageRule.of("QUORUM", 2, null);

	private static final StageRule SEQUENTIAL = StageRule.of("SEQUENTIAL", null, null);

	@Nested
	class All {

		@Test
		void waitsForEveryReviewer() {
			assertThat(StageOutcome.isSettled(ALL, votes("a", APPROVED, "b", CHANGES_REQUESTED), 3)).isFalse();
			assertThat(StageOutcome.isSettled(ALL, votes("a", APPROVED, "b", APPROVED, "c", APPROVED), 3)).isTrue();
		}

		@Test
		void everyoneApprovingApprovesTheStage() {
			assertThat(StageOutcome.settle(ALL, votes("a", APPROVED, "b", APPROVED), 2))
				.isEqualTo(Settlement.settled(APPROVED));
		}

		@Test
		void approvalWithChangesOutweighsPlainApproval() {
			assertThat(StageOutcome.settle(ALL, votes("a", APPROVED, "b", APPROVED_WITH_CHANGES), 2).outcome())
				.isEqualTo(APPROVED_WITH_CHANGES);
		}

		@Test
		void onlyRequestsForChangesRequestChanges() {
			assertThat(StageOutcome.settle(ALL, votes("a", CHANGES_REQUESTED, "b", NOT_RELEVANT), 2).outcome())
				.isEqualTo(CHANGES_REQUESTED);
		}

		@Test
		void anApprovalAgainstARequestForChangesIsAConflict() {
			Settlement settlement = StageOutcome.settle(ALL, votes("a", APPROVED, "b", CHANGES_REQUESTED), 2);

			assertThat(settlement.isConflict()).isTrue();
			assertThat(settlement.outcome()).isNull();
			assertThat(settlement.conflict()).contains("Reviewers disagree");
		}

		@Test
		void notRelevantNeverApprovesAVersion() {
			assertThat(StageOutcome.settle(ALL, votes("a", NOT_RELEVANT, "b", NOT_RELEVANT), 2).conflict())
				.startsWith("Nobody approved and nobody requested changes");
			assertThat(StageOutcome.settle(ALL, votes("a", NOT_RELEVANT, "b", APPROVED), 2).outcome())
				.isEqualTo(APPROVED);
		}

	}

	@Nested
	class Any {

		@Test
		void theFirstDecisionSettlesTheStage() {
			assertThat(StageOutcome.isSettled(ANY, votes("b", CHANGES_REQUESTED), 3)).isTrue();
			assertThat(StageOutcome.settle(ANY, votes("b", CHANGES_REQUESTED, "a", APPROVED), 3).outcome())
				.isEqualTo(CHANGES_REQUESTED);
		}

		@Test
		void notRelevantDoesNotSettleIt() {
			assertThat(StageOutcome.isSettled(ANY, votes("a", NOT_RELEVANT), 2)).isFalse();
			assertThat(StageOutcome.settle(ANY, votes("a", NOT_RELEVANT, "b", APPROVED), 2).outcome())
				.isEqualTo(APPROVED);
			assertThat(StageOutcome.settle(ANY, votes("a", NOT_RELEVANT, "b", NOT_RELEVANT), 2).isConflict()).isTrue();
		}

	}

	@Nested
	class Primary {

		@Test
		void othersOnlyAdvise() {
			assertThat(StageOutcome.isSettled(PRIMARY, votes("a", CHANGES_REQUESTED), 3)).isFalse();
			assertThat(StageOutcome.isSettled(PRIMARY, votes("a", CHANGES_REQUESTED, "client", APPROVED), 3)).isTrue();
			assertThat(StageOutcome.settle(PRIMARY, votes("a", CHANGES_REQUESTED, "client", APPROVED), 3).outcome())
				.isEqualTo(APPROVED);
		}

		@Test
		void aPrimaryWhoFindsItNotRelevantLeavesItToTheProducer() {
			assertThat(StageOutcome.settle(PRIMARY, votes("client", NOT_RELEVANT), 2).conflict())
				.contains("primary reviewer client");
		}

		@Test
		void needsItsPrimaryAmongTheReviewers() {
			assertThatThrownBy(() -> PRIMARY.checkReviewers(List.of("a", "b")))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("The primary reviewer client is not among the reviewers");
			assertThatThrownBy(() -> StageRule.of("PRIMARY", null, " ")).hasMessageContaining("primary reviewer");
		}

	}

	@Nested
	class Quorum {

		@Test
		void nApprovalsSettleTheStage() {
			assertThat(StageOutcome.isSettled(QUORUM_2, votes("a", APPROVED), 4)).isFalse();
			assertThat(StageOutcome.isSettled(QUORUM_2, votes("a", APPROVED, "b", APPROVED_WITH_CHANGES), 4)).isTrue();
			assertThat(StageOutcome.settle(QUORUM_2, votes("a", APPROVED, "b", APPROVED_WITH_CHANGES), 4).outcome())
				.isEqualTo(APPROVED_WITH_CHANGES);
		}

		@Test
		void aQuorumOutOfReachRequestsChanges() {
			List<Vote> votes = votes("a", CHANGES_REQUESTED, "b", NOT_RELEVANT);
			assertThat(StageOutcome.isSettled(QUORUM_2, votes, 3)).isTrue();
			assertThat(StageOutcome.settle(QUORUM_2, votes, 3).outcome()).isEqualTo(CHANGES_REQUESTED);
		}

		@Test
		void aQuorumLargerThanTheStageIsRefusedBeforeItStarts() {
			assertThatThrownBy(() -> QUORUM_2.checkReviewers(List.of("a")))
				.hasMessageContaining("A quorum of 2 needs at least 2 reviewers");
			assertThatThrownBy(() -> StageRule.of("QUORUM", 0, null)).hasMessageContaining("at least 1");
		}

	}

	@Nested
	class Sequential {

		@Test
		void aRequestForChangesStopsTheChain() {
			assertThat(StageOutcome.isSettled(SEQUENTIAL, votes("a", APPROVED), 3)).isFalse();
			assertThat(StageOutcome.isSettled(SEQUENTIAL, votes("a", APPROVED, "b", CHANGES_REQUESTED), 3)).isTrue();
		}

		@Test
		void changesAfterApprovalsRequestChanges() {
			assertThat(StageOutcome.settle(SEQUENTIAL, votes("a", APPROVED, "b", CHANGES_REQUESTED), 3).outcome())
				.isEqualTo(CHANGES_REQUESTED);
			assertThat(StageOutcome.settle(SEQUENTIAL, votes("a", CHANGES_REQUESTED), 3).outcome())
				.isEqualTo(CHANGES_REQUESTED);
		}

		@Test
		void everyoneApprovingInTurnApproves() {
			assertThat(StageOutcome.settle(SEQUENTIAL, votes("a", APPROVED, "b", APPROVED), 2).outcome())
				.isEqualTo(APPROVED);
		}

	}

	@Test
	void aStageWithoutDecisionsCannotBeSettled() {
		assertThatIllegalStateException().isThrownBy(() -> StageOutcome.settle(ALL, List.of(), 2))
			.withMessageContaining("before anyone decided");
	}

	@Test
	void anUnknownRuleNamesTheRules() {
		assertThatThrownBy(() -> StageRule.of("MAJORITY", null, null)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("Unknown decision rule 'MAJORITY'")
			.hasMessageContaining(Arrays.toString(DecisionRule.values()));
	}

	private static List<Vote> votes(Object... reviewerAndDecision) {
		java.util.ArrayList<Vote> votes = new java.util.ArrayList<>();
		for (int i = 0; i < reviewerAndDecision.length; i += 2) {
			votes.add(new Vote((String) reviewerAndDecision[i], (ReviewDecision) reviewerAndDecision[i + 1]));
		}
		return votes;
	}

}
