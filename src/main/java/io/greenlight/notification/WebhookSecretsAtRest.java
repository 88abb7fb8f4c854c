package io.greenlight.notification;

import java.util.List;

import io.greenlight.notification.WebhookSubscriptions.StoredSecret;
import io.greenlight.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, encrypts with the current key every webhook secret that is not yet:
 * those stored in plain text before encryption existed (V21), and, after a key rotation,
 * those encrypted with a previous key. Nothing to do is the usual case, so it is safe to
 * run any number of times. A secret encrypted with a key the configuration does not hold
 * stops the start: deliveries could not be signed with it.
 */
@Component
class WebhookSecretsAtRest implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecretsAtRest.class);

	private final WebhookSubscriptions subscriptions;

	private final SecretCipher cipher;

	WebhookSecretsAtRest(WebhookSubscriptions subscriptions, SecretCipher cipher) {
		this.subscriptions = subscriptions;
		this.cipher = cipher;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		List<StoredSecret> outdated = this.subscriptions.secretsNotEncryptedWith(this.cipher.currentKeyId());
		List<String> unknownKeys = outdated.stream()
			.map(StoredSecret::keyId)
			.filter(keyId -> keyId != null && !this.cipher.knows(keyId))
			.distinct()
			.toList();
		if (!unknownKeys.isEmpty()) {
			throw new IllegalStateException("Webhook secrets are encrypted with key " + String.join(", ", unknownKeys)
					+ ", which is neither GREENLIGHT_ENCRYPTION_KEY nor in GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS: "
					+ "add the key they were encrypted with to GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS.");
		}
		int encrypted = 0;
		for (StoredSecret stored : outdated) {
			if (this.subscriptions.encryptAgain(stored)) {
				encrypted++;
			}
		}
		if (encrypted > 0) {
			log.info("Encrypted {} webhook secret(s) with key {}", encrypted, this.cipher.currentKeyId());
		}
	}

}
