package io.greenlight.security;

/**
 * {@link SignInThrottle} locked an account: a password remembered for it must be checked
 * again.
 *
 * @param account the account's user id
 */
record SignInLocked(String account) {
}
