package io.greenlight.asset;

import java.util.List;

/**
 * What kind of deliverable an asset is, and which detected media types its versions may
 * have.
 */
public enum AssetType {

	VIDEO("video/"), IMAGE("image/"), AUDIO("audio/"), PDF("application/pdf"),
	DOCUMENT("application/pdf", "text/plain", "application/rtf", "application/msword",
			"application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.",
			"application/vnd.ms-"),
	OTHER("");

	private final List<String> mediaTypePrefixes;

	AssetType(String... mediaTypePrefixes) {
		this.mediaTypePrefixes = List.of(mediaTypePrefixes);
	}

	/**
	 * Whether a file of this media type (as detected from its content) can be a version.
	 */
	public boolean accepts(String mediaType) {
		return this.mediaTypePrefixes.stream().anyMatch(mediaType::startsWith);
	}

	/** What a user is told is accepted, e.g. "video/*". */
	public String accepted() {
		return this.mediaTypePrefixes.stream()
			.map(prefix -> prefix.endsWith("/") || prefix.endsWith(".") ? prefix + "*" : prefix)
			.map(prefix -> prefix.isEmpty() ? "any file" : prefix)
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
	}

}
