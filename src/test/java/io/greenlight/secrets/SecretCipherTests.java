package io.greenlight.secrets;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets at rest: AES-256-GCM with the configured key, a key rotation that still opens
 * what the previous key encrypted, and no start without a key.
 */
class SecretCipherTests {

	private static final String KEY = "EP+1JkigP9Kc1ewR+R0BbW3VI980Ur3Wf9Ta/NuVA8U=";

	private static final String OLD_KEY = "wPz64jSPwISq7Tlb17MpSM6CMJZ0AxNCh/snewy5D7M=";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(SecretsConfiguration.class);

	@Test
	void aSecretIsStoredAsCiphertextThatOnlyTheKeyOpens() {
		SecretCipher cipher = cipher(KEY);

		String first = cipher.encrypt("a-shared-secret-for-the-test");
		String second = cipher.encrypt("a-shared-secret-for-the-test");

		assertThat(first).doesNotContain("shared").isNotEqualTo(second);
		assertThat(cipher.decrypt(cipher.currentKeyId(), first)).isEqualTo("a-shared-secret-for-the-test");
		assertThat(cipher.decrypt(cipher.currentKeyId(), second)).isEqualTo("a-shared-secret-for-the-test");
	}

	@Test
	void aChangedCiphertextIsRefusedRatherThanDecryptedToSomethingElse() {
		SecretCipher cipher = cipher(KEY);
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("a-shared-secret-for-the-test"));
		sealed[20] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(cipher.currentKeyId(), Base64.getEncoder().encodeToString(sealed)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void afterARotationWhatThePreviousKeyEncryptedStillOpens() {
		SecretCipher before = cipher(OLD_KEY);
		String sealedBefore = before.encrypt("rotated-secret-0123456789");
		SecretCipher after = new SecretCipher(EncryptionKey.parse(KEY, "K"),
				List.of(EncryptionKey.parse(OLD_KEY, "P")));

		assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
		assertThat(after.knows(before.currentKeyId())).isTrue();
		assertThat(after.decrypt(before.currentKeyId(), sealedBefore)).isEqualTo("rotated-secret-0123456789");
		assertThatThrownBy(() -> cipher(KEY).decrypt(before.currentKeyId(), sealedBefore))
			.hasMessageContaining("encrypted with key " + before.currentKeyId())
			.hasMessageContaining("GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS");
	}

	@Test
	void theServerDoesNotStartWithoutAKeyAndSaysWhichVariableToSet() {
		this.context.run((started) -> assertThat(started).getFailure()
			.rootCause()
			.hasMessageContaining("GREENLIGHT_ENCRYPTION_KEY is not set")
			.hasMessageContaining("openssl rand -base64 32"));
		this.context.withPropertyValues("greenlight.encryption.key=changeme")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("GREENLIGHT_ENCRYPTION_KEY holds 6 bytes, not 32"));
		this.context.withPropertyValues("greenlight.encryption.key=not base64!")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("GREENLIGHT_ENCRYPTION_KEY is not Base64"));
		this.context
			.withPropertyValues("greenlight.encryption.key=" + KEY,
					"greenlight.encryption.previous-keys=" + OLD_KEY + ",short")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS is not Base64"));
		this.context.withPropertyValues("greenlight.encryption.key=" + KEY)
			.run((started) -> assertThat(started).hasSingleBean(SecretCipher.class));
	}

	private static SecretCipher cipher(String key) {
		return new SecretCipher(EncryptionKey.parse(key, "K"), List.of());
	}

}
