package io.greenlight.storage;

import java.util.regex.Pattern;

/**
 * Where a blob is in any store: {@code ab/cd/abcd…} by its SHA-256, so no directory (or
 * key prefix) holds more than a few thousand entries.
 */
final class BlobAddress {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private BlobAddress() {
	}

	/** Only a lower-case SHA-256 is an address: nothing a caller sends can escape. */
	static boolean valid(String sha256) {
		return sha256 != null && SHA256.matcher(sha256).matches();
	}

	static String path(String sha256) {
		return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
	}

}
