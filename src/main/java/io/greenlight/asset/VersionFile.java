package io.greenlight.asset;

/**
 * The file of a version: where it is in the blob store and what it is
 * ({@code durationMs}: how long a video or audio file runs, null when unknown).
 */
public record VersionFile(String sha256, String fileName, String mediaType, long size, Long durationMs) {
}
