package io.greenlight.review;

/**
 * A thread on a version was started, resolved or reopened: whatever shows a count of open
 * comments for the asset is out of date. Published inside the transaction of the change.
 */
public record OpenCommentsChanged(String assetId, String versionId) {
}
