package io.greenlight.security;

import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's password hash: Argon2id with its cost in each hash, so a raised cost can
 * be told from the hashes made before.
 */
class Argon2PasswordEncryptorTests {

	private final Argon2PasswordEncryptor cheap = new Argon2PasswordEncryptor(new PasswordHashProperties(64, 1, 1));

	private final Argon2PasswordEncryptor dearer = new Argon2PasswordEncryptor(new PasswordHashProperties(128, 2, 1));

	@Test
	void aPasswordIsHashedWithArgon2idAndASaltOfItsOwn() {
		String first = this.cheap.encrypt("correct-horse-battery-staple");
		String second = this.cheap.encrypt("correct-horse-battery-staple");

		assertThat(first).startsWith("$argon2id$v=19$m=64,t=1,p=1$").isNotEqualTo(second);
		assertThat(this.cheap.check("correct-horse-battery-staple", first)).isTrue();
		assertThat(this.cheap.check("correct-horse-battery-stapler", first)).isFalse();
		assertThat(this.cheap.hashAlgorithmName()).isEqualTo("ARGON2ID")
			.isNotEqualTo(new Sha512HashDigest().hashAlgorithmName());
	}

	@Test
	void aHashOfALowerCostThanConfiguredIsTheOneToUpgrade() {
		String cheapHash = this.cheap.encrypt("correct-horse-battery-staple");
		String dearHash = this.dearer.encrypt("correct-horse-battery-staple");

		assertThat(this.dearer.weakerThanConfigured(cheapHash)).isTrue();
		assertThat(this.dearer.weakerThanConfigured(dearHash)).isFalse();
		assertThat(this.dearer.check("correct-horse-battery-staple", cheapHash)).isTrue();
	}

}
