package io.greenlight.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code greenlight.encryption.*}: the key that encrypts secrets at rest.
 *
 * @param key the current key ({@code GREENLIGHT_ENCRYPTION_KEY}): 32 random bytes in
 * Base64. No default outside the demo and test profiles
 * @param previousKeys keys used before a rotation
 * ({@code GREENLIGHT_ENCRYPTION_PREVIOUS_KEYS}, comma-separated): what they encrypted is
 * encrypted again with {@code key} at start-up
 */
@ConfigurationProperties("greenlight.encryption")
public record EncryptionProperties(String key, @DefaultValue List<String> previousKeys) {
}
