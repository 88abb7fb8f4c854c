package io.greenlight.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code greenlight.password-hash.*}: the cost of Argon2id for user passwords. The
 * defaults are OWASP's recommendation (19 MiB, 2 iterations, 1 lane: about 30 ms per
 * sign-in on one core). Raising them upgrades each user's hash at their next sign-in.
 *
 * @param memoryKib memory per hash, in KiB
 * @param iterations passes over that memory
 * @param parallelism lanes
 */
@ConfigurationProperties("greenlight.password-hash")
record PasswordHashProperties(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
		@DefaultValue("1") int parallelism) {
}
