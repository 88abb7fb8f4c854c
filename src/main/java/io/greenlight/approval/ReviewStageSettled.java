package io.greenlight.approval;

import java.time.OffsetDateTime;

/**
 * A review stage settled (by its rule or by a producer), published in the transaction
 * that records the outcome: whoever listens after commit knows it is on record.
 *
 * @param stage INTERNAL_REVIEW or CLIENT_REVIEW
 */
public record ReviewStageSettled(String stageId, String stage, ReviewDecision outcome, OffsetDateTime openedAt,
		OffsetDateTime settledAt) {
}
