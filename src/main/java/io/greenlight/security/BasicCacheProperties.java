package io.greenlight.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code greenlight.security.*}: how long HTTP Basic trusts a password it verified
 * ({@link VerifiedPasswords}).
 *
 * @param basicCacheTtl how long a verified password is remembered; {@code 0} turns the
 * cache off (every Basic call hashes)
 * @param basicCacheSize the most users remembered at once (the least recently verified
 * are forgotten first)
 */
@Validated
@ConfigurationProperties("greenlight.security")
record BasicCacheProperties(@DefaultValue("5m") Duration basicCacheTtl,
		@DefaultValue("10000") @Min(1) int basicCacheSize) {
}
