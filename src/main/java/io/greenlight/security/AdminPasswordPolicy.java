package io.greenlight.security;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses administrator passwords that an attacker would try first.
 */
final class AdminPasswordPolicy {

	static final int MIN_LENGTH = 10;

	private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "camunda", "greenlight",
			"changeme", "secret", "123456", "12345678", "1234567890", "qwerty", "letmein", "administrator");

	private AdminPasswordPolicy() {
	}

	/**
	 * @throws IllegalStateException with a message that says what to change
	 */
	static void check(String userId, String password) {
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("GREENLIGHT_ADMIN_PASSWORD is not set: set it to the password of the "
					+ "first administrator, " + userId + ".");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.equals(userId.toLowerCase(Locale.ROOT))) {
			throw new IllegalStateException(
					"GREENLIGHT_ADMIN_PASSWORD must not be the user id itself: choose another password.");
		}
		if (WELL_KNOWN.contains(lower)) {
			throw new IllegalStateException("GREENLIGHT_ADMIN_PASSWORD is a well-known password ('" + password
					+ "') that attackers try first: choose another one.");
		}
		if (password.length() < MIN_LENGTH) {
			throw new IllegalStateException(
					"GREENLIGHT_ADMIN_PASSWORD is too short: use at least " + MIN_LENGTH + " characters.");
		}
	}

}
