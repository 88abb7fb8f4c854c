package io.greenlight.asset;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A deliverable and its production record.
 */
public record Asset(String id, String projectId, String title, AssetType assetType, Channel channel, LocalDate dueDate,
		String brief, ProductionStage stage, AssetStatus status, int revisionRound, String processInstanceId,
		String requestedBy, String approvedVersionId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
