package io.greenlight.approval.change;

import java.time.OffsetDateTime;

/**
 * One change a producer made to a running review stage.
 *
 * @param kind ADDED, REMOVED or DELEGATED
 * @param reviewer the reviewer added, removed, or whose review was delegated
 * @param delegatedTo who took over the review (DELEGATED only)
 */
public record ReviewStageChange(String id, String stageId, String assetId, String kind, String reviewer,
		String delegatedTo, String reason, String changedBy, OffsetDateTime changedAt) {

	enum Kind {

		ADDED, REMOVED, DELEGATED

	}

}
