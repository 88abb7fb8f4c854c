package io.greenlight.asset;

import java.time.OffsetDateTime;

/**
 * One version in an asset's stack, numbered by the server. The file columns are empty for
 * a version registered in Tasklist with a link instead of an upload; {@code durationMs}
 * is known only for video and audio files whose headers say how long they run.
 */
public record AssetVersion(String id, String assetId, int number, String variant, String note, String fileLink,
		String fileName, String mediaType, Long sizeBytes, String sha256, String uploadedBy, OffsetDateTime createdAt,
		VersionStatus status, boolean locked, Long durationMs) {

	public boolean hasFile() {
		return this.sha256 != null;
	}

}
