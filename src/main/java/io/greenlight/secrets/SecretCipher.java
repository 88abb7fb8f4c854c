package io.greenlight.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts secrets for storage (AES-256-GCM, Spring Security Crypto, a fresh random IV
 * per value) with the configured key, and decrypts what this key or one of the previous
 * keys encrypted. A value that was changed in the database fails GCM's check instead of
 * decrypting to something else.
 */
public class SecretCipher {

	private final EncryptionKey current;

	private final Map<String, BytesEncryptor> encryptors = new LinkedHashMap<>();

	SecretCipher(EncryptionKey current, List<EncryptionKey> previous) {
		this.current = current;
		this.encryptors.put(current.id(), encryptor(current));
		previous.forEach(key -> this.encryptors.putIfAbsent(key.id(), encryptor(key)));
	}

	/** The id of the key {@link #encrypt} uses, stored with each value it encrypts. */
	public String currentKeyId() {
		return this.current.id();
	}

	/** Whether a value encrypted with this key can be decrypted. */
	public boolean knows(String keyId) {
		return this.encryptors.containsKey(keyId);
	}

	/** The secret encrypted with the current key, in Base64 (IV, ciphertext, tag). */
	public String encrypt(String secret) {
		byte[] sealed = this.encryptors.get(this.current.id()).encrypt(secret.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(sealed);
	}

	/**
	 * @throws IllegalStateException when no configured key has this id, or the value was
	 * not encrypted with it (or was changed since)
	 */
	public String decrypt(String keyId, String encrypted) {
		BytesEncryptor encryptor = this.encryptors.get(keyId);
		if (encryptor == null) {
			throw new IllegalStateException("This secret was encrypted with key " + keyId + ", which is neither "
					+ EncryptionKey.VARIABLE + " nor one of " + EncryptionKey.PREVIOUS_VARIABLE + ".");
		}
		return new String(encryptor.decrypt(Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
	}

	private static BytesEncryptor encryptor(EncryptionKey key) {
		return new AesBytesEncryptor(key.secret(), KeyGenerators.secureRandom(16), CipherAlgorithm.GCM);
	}

}
