package io.greenlight.asset;

/**
 * A version as it is registered: from an upload (with its file) or from Tasklist's form
 * (a note and a link to where the file is).
 *
 * @param variant the parallel cut it belongs to ("30s cut"), or null for the main one
 * @param file the uploaded file, or null
 */
public record NewVersion(String note, String fileLink, String variant, VersionFile file) {
}
