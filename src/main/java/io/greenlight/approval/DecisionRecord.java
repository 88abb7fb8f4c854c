package io.greenlight.approval;

import java.time.OffsetDateTime;

/**
 * One entry of the approval record: who decided what, at which stage, about which
 * version. A late decision arrived after its stage had settled: it is kept, but did not
 * count.
 */
public record DecisionRecord(String id, String assetId, String versionId, String stage, String decision, String comment,
		String decidedBy, OffsetDateTime decidedAt, boolean late) {
}
