package io.greenlight.security;

import java.time.Duration;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A sign-in that did not succeed, for whatever reason: a wrong password, an unknown user,
 * an address that has to wait, a locked account. All of them get the same message, so it
 * tells a guesser nothing but when to try again.
 */
class SignInRefusedException extends BadCredentialsException {

	private final long retryAfterSeconds;

	SignInRefusedException(Duration wait) {
		this(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

	private SignInRefusedException(long seconds) {
		super("Wrong user name or password, or too many attempts: try again in " + seconds
				+ ((seconds == 1) ? " second." : " seconds."));
		this.retryAfterSeconds = seconds;
	}

	/** For the {@code Retry-After} header of HTTP Basic answers. */
	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
