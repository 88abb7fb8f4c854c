package io.greenlight.secrets;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cipher for secrets at rest. Without a key the server does not start: the message
 * names the environment variable to set (the demo and test profiles bring a key of their
 * own, which is public and protects nothing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class SecretsConfiguration {

	@Bean
	SecretCipher secretCipher(EncryptionProperties properties) {
		EncryptionKey current = EncryptionKey.parse(properties.key(), EncryptionKey.VARIABLE);
		List<EncryptionKey> previous = properties.previousKeys()
			.stream()
			.filter(key -> !key.isBlank())
			.map(key -> EncryptionKey.parse(key, EncryptionKey.PREVIOUS_VARIABLE))
			.toList();
		return new SecretCipher(current, previous);
	}

}
