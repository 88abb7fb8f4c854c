package io.greenlight.approval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.greenlight.approval.ReviewDecision.APPROVED;
import static io.greenlight.approval.ReviewDecision.APPROVED_WITH_CHANGES;
import static io.greenlight.approval.ReviewDecision.CHANGES_REQUESTED;
import static io.greenlight.approval.ReviewDecision.NOT_RELEVANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StageOutcomeTests {

	@Test
	void oneRequestForChangesOutweighsAnyNumberOfApprovals() {
		assertThat(StageOutcome.allMustApprove(List.of(APPROVED, CHANGES_REQUESTED, APPROVED)))
			.isEqualTo(CHANGES_REQUESTED);
	}

	@Test
	void approvalWithChangesOutweighsPlainApproval() {
		assertThat(StageOutcome.allMustApprove(List.of(APPROVED, APPROVED_WITH_CHANGES)))
			.isEqualTo(APPROVED_WITH_CHANGES);
	}

	@Test
	void everyoneApprovingApprovesTheStage() {
		assertThat(StageOutcome.allMustApprove(List.of(APPROVED, APPROVED))).isEqualTo(APPROVED);
	}

	@Test
	void notRelevantCountsOnlyWhenNobodyElseDecided() {
		assertThat(StageOutcome.allMustApprove(List.of(NOT_RELEVANT, APPROVED))).isEqualTo(APPROVED);
		assertThat(StageOutcome.allMustApprove(List.of(NOT_RELEVANT))).isEqualTo(NOT_RELEVANT);
	}

	@Test
	void aStageWithoutDecisionsCannotBeSettled() {
		assertThatIllegalStateException().isThrownBy(() -> StageOutcome.allMustApprove(List.of()))
			.withMessageContaining("before anyone decided");
	}

}
