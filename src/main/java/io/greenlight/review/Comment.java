package io.greenlight.review;

import java.time.OffsetDateTime;

/**
 * One comment on a version; replies point to the comment they answer.
 */
public record Comment(String id, String versionId, String parentId, String author, String body, Anchor anchor,
		boolean resolved, String resolvedBy, OffsetDateTime resolvedAt, OffsetDateTime createdAt) {
}
