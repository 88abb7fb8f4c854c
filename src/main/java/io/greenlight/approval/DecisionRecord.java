package io.greenlight.approval;

import java.time.OffsetDateTime;

/**
 * One entry of the approval record: who decided what, at which stage, about which
 * version.
 */
public record DecisionRecord(String id, String assetId, String versionId, String stage, String decision, String comment,
		String decidedBy, OffsetDateTime decidedAt) {
}
