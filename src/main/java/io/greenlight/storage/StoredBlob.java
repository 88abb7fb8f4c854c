package io.greenlight.storage;

/**
 * Content in the blob store, addressed by its SHA-256.
 *
 * @param sha256 lower-case hex digest of the content; also its address
 * @param size bytes
 * @param mediaType detected from the content (and the file name's extension as a hint)
 */
public record StoredBlob(String sha256, long size, String mediaType) {
}
