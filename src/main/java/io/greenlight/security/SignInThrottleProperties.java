package io.greenlight.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code greenlight.sign-in.*}: how {@link SignInThrottle} slows down password guessing.
 *
 * @param firstWait how long an address waits after its first wrong password for an
 * account; doubled with each further one
 * @param longestWait the longest such wait
 * @param window failures are forgotten after this long without a new one
 * @param addressFreeFailures failures from one address (on any accounts) before the
 * address itself has to wait, for every account it has not signed in to
 * @param lockFailures failures on one account from addresses it has not signed in from,
 * within the window, that lock it ...
 * @param lockAddresses ... when they came from at least this many addresses
 * @param lockDuration how long such a lock holds (an administrator's unlock ends it
 * sooner)
 * @param knownFor how long a successful sign-in makes its address known for the account
 * @param maxTracked the most accounts, addresses and pairs of them remembered at once
 * (the oldest are forgotten first), so that guessing cannot fill the memory
 */
@Validated
@ConfigurationProperties("greenlight.sign-in")
record SignInThrottleProperties(@DefaultValue("1s") Duration firstWait, @DefaultValue("5m") Duration longestWait,
		@DefaultValue("15m") Duration window, @DefaultValue("10") @Min(0) int addressFreeFailures,
		@DefaultValue("20") @Min(1) int lockFailures, @DefaultValue("5") @Min(2) int lockAddresses,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("30d") Duration knownFor,
		@DefaultValue("10000") @Min(100) int maxTracked) {
}
