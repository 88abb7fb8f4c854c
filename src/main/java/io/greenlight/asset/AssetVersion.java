package io.greenlight.asset;

import java.time.OffsetDateTime;

/**
 * One version in an asset's stack, numbered by the server.
 */
public record AssetVersion(String id, String assetId, int number, String note, String fileLink, String uploadedBy,
		OffsetDateTime createdAt, VersionStatus status, boolean locked) {
}
