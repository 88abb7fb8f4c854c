package io.greenlight.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key from the configuration, and its id: the start of a SHA-256 of the key,
 * stored next to what it encrypted, so a rotation knows which key opens which value
 * without revealing anything of the key.
 */
record EncryptionKey(String id, SecretKey secret) {

	static final String VARIABLE = "GREENLIGHT_ENCRYPTION_KEY";

	static final String PREVIOUS_VARIABLE = "GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS";

	private static final int LENGTH = 32;

	private static final String HOW_TO_MAKE_ONE = "32 random bytes in Base64, e.g. the output of "
			+ "'openssl rand -base64 32'";

	/**
	 * @param variable the environment variable the value came from, named in the message
	 * @throws IllegalStateException saying what to set, when the value is missing or not
	 * a key
	 */
	static EncryptionKey parse(String value, String variable) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: set it to " + HOW_TO_MAKE_ONE
					+ ". It encrypts webhook secrets at rest; keep it with your backups, apart from the database.");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(variable + " is not Base64: set it to " + HOW_TO_MAKE_ONE + ".");
		}
		if (bytes.length != LENGTH) {
			throw new IllegalStateException(variable + " holds " + bytes.length + " bytes, not " + LENGTH
					+ ": set it to " + HOW_TO_MAKE_ONE + ".");
		}
		return new EncryptionKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
	}

	private static String idOf(byte[] key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("greenlight-encryption-key:".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
