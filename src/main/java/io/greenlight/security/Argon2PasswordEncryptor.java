package io.greenlight.security;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The engine's password hash: Argon2id (Spring Security Crypto), a memory-hard adaptive
 * hash with a salt and its cost in every hash ({@code $argon2id$v=19$m=…,t=…,p=…$…}). The
 * engine stores it as {@code {ARGON2ID}…} and still checks the hashes it made before (its
 * own salted SHA-512, {@code {SHA-512}…}) until {@link RehashingIdentityProvider}
 * replaces them at the user's next sign-in.
 */
class Argon2PasswordEncryptor implements PasswordEncryptor {

	static final String NAME = "ARGON2ID";

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final Argon2PasswordEncoder encoder;

	Argon2PasswordEncryptor(PasswordHashProperties cost) {
		this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(),
				cost.iterations());
	}

	@Override
	public String encrypt(String password) {
		return this.encoder.encode(password);
	}

	@Override
	public boolean check(String password, String encrypted) {
		return this.encoder.matches(password, encrypted);
	}

	@Override
	public String hashAlgorithmName() {
		return NAME;
	}

	/** A hash of this algorithm made with a lower cost than the configured one. */
	boolean weakerThanConfigured(String encrypted) {
		return this.encoder.upgradeEncoding(encrypted);
	}

}
