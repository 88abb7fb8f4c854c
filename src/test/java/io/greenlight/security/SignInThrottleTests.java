package io.greenlight.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sign-in throttle's rules, on a clock the test moves: who waits after wrong
 * passwords, for how long, when a lock comes and when it goes. Over HTTP: SecurityIT and
 * BehindTlsProxyIT.
 */
class SignInThrottleTests {

	private static final String ATTACKER = "203.0.113.66";

	private static final String OWNER = "192.0.2.10";

	private final MovableClock clock = new MovableClock();

	private final List<Object> events = new ArrayList<>();

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInThrottleProperties(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 10, 20,
					5, Duration.ofMinutes(15), Duration.ofDays(30), 10000),
			this.clock, this.events::add);

	@Test
	void aWrongPasswordMakesOnlyThatAddressWaitAndOnlyForThatAccount() throws Exception {
		check("alex", ATTACKER, false);

		assertThat(this.throttle.waitBefore("alex", ATTACKER)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.acquire("alex", ATTACKER)).isNull();
		assertThat(this.throttle.waitBefore("alex", OWNER)).isZero();
		assertThat(this.throttle.waitBefore("sam", ATTACKER)).isZero();
	}

	@Test
	void eachFurtherWrongPasswordDoublesTheWaitUpToTheLongest() throws Exception {
		for (long expected : new long[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300 }) {
			check("alex", ATTACKER, false);
			assertThat(this.throttle.waitBefore("alex", ATTACKER)).isEqualTo(Duration.ofSeconds(expected));
			this.clock.advance(Duration.ofSeconds(expected));
		}
	}

	@Test
	void theRightPasswordEndsTheWaitAndAQuietWindowForgetsTheFailures() throws Exception {
		check("alex", ATTACKER, false);
		check("alex", OWNER, false);
		this.clock.advance(Duration.ofSeconds(1));

		check("alex", OWNER, true);
		check("alex", OWNER, false);
		assertThat(this.throttle.waitBefore("alex", OWNER)).isEqualTo(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofMinutes(16));
		check("alex", ATTACKER, false);
		assertThat(this.throttle.waitBefore("alex", ATTACKER)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void anAddressThatFailsOnManyAccountsWaitsForEveryAccountItHasNotSignedInTo() throws Exception {
		check("alex", ATTACKER, true);
		for (int i = 0; i < 11; i++) {
			check("user" + i, ATTACKER, false);
		}

		assertThat(this.throttle.waitBefore("someone-else", ATTACKER)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore("someone-else", OWNER)).isZero();
		// an account the address signed in to before is not held up by the others
		assertThat(this.throttle.waitBefore("alex", ATTACKER)).isZero();
	}

	@Test
	void oneAddressNeverLocksAnAccountHoweverOftenItTries() throws Exception {
		for (int i = 0; i < 50; i++) {
			check("alex", ATTACKER, false);
			this.clock.advance(Duration.ofMinutes(5));
		}

		assertThat(this.throttle.waitBefore("alex", OWNER)).isZero();
		assertThat(this.throttle.waitBefore("alex", "198.51.100.1")).isZero();
	}

	@Test
	void wrongPasswordsFromManyAddressesLockTheAccountForAddressesItHasNotSignedInFromUntilTheLockExpires()
			throws Exception {
		check("alex", OWNER, true);
		for (int i = 0; i < 20; i++) {
			check("alex", "198.51.100." + (i % 5), false);
			this.clock.advance(Duration.ofSeconds(20));
		}

		assertThat(this.throttle.waitBefore("alex", "198.51.100.200")).isGreaterThan(Duration.ofMinutes(14));
		assertThat(this.throttle.waitBefore("alex", OWNER)).isZero();
		// and a password HTTP Basic remembered for the account is checked again
		assertThat(this.events).containsExactly(new SignInLocked("alex"));

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.waitBefore("alex", "198.51.100.200")).isZero();
	}

	@Test
	void aRememberedPasswordGetsInOnlyWhereACheckWouldAndThenCountsAsASignIn() throws Exception {
		// given a wrong password from the owner's address a moment ago
		check("alex", OWNER, true);
		check("alex", OWNER, false);

		// then a password HTTP Basic remembers does not get in from there either, for now
		assertThat(this.throttle.admitVerified("alex", OWNER)).isFalse();

		// when the wait is over, it does
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.admitVerified("alex", OWNER)).isTrue();
		// and a new address it gets in from counts as one the account signed in from
		assertThat(this.throttle.admitVerified("alex", "192.0.2.11")).isTrue();
		for (int i = 0; i < 20; i++) {
			check("alex", "198.51.100." + (i % 5), false);
			this.clock.advance(Duration.ofSeconds(20));
		}
		assertThat(this.throttle.waitBefore("alex", "198.51.100.200")).isPositive();
		assertThat(this.throttle.admitVerified("alex", "198.51.100.200")).isFalse();
		assertThat(this.throttle.admitVerified("alex", OWNER)).isTrue();
		assertThat(this.throttle.admitVerified("alex", "192.0.2.11")).isTrue();
	}

	@Test
	void anAdministratorsUnlockEndsTheLockAndEveryWaitForTheAccount() throws Exception {
		for (int i = 0; i < 20; i++) {
			check("alex", "198.51.100." + i, false);
		}
		assertThat(this.throttle.waitBefore("alex", "198.51.100.200")).isPositive();
		assertThat(this.throttle.waitBefore("alex", "198.51.100.3")).isPositive();

		this.throttle.unlock("alex");

		assertThat(this.throttle.waitBefore("alex", "198.51.100.200")).isZero();
		assertThat(this.throttle.waitBefore("alex", "198.51.100.3")).isZero();
	}

	@Test
	void guessesSentAllAtOnceAreCheckedOneAfterAnother() throws Exception {
		// given one guess from the address being checked, and two more arriving meanwhile
		SignInThrottle.Permit first = this.throttle.acquire("alex", ATTACKER);
		CompletableFuture<SignInThrottle.Permit> sameAccount = new CompletableFuture<>();
		CompletableFuture<SignInThrottle.Permit> otherAccount = new CompletableFuture<>();
		Thread one = arriving("alex", sameAccount);
		Thread other = arriving("sam", otherAccount);
		await().until(() -> waiting(one) && waiting(other));

		// when the first turns out wrong
		this.throttle.checked(first, false);

		// then the guess for the same account is not checked at all, the other one in
		// turn
		assertThat(sameAccount.get(10, TimeUnit.SECONDS)).isNull();
		SignInThrottle.Permit sam = otherAccount.get(10, TimeUnit.SECONDS);
		assertThat(sam).isNotNull();
		this.throttle.checked(sam, false);
	}

	@Test
	void anAccountsOwnAddressIsNotHeldUpByAGuessInProgress() throws Exception {
		check("alex", OWNER, true);
		SignInThrottle.Permit guess = this.throttle.acquire("sam", OWNER);

		assertThat(this.throttle.acquire("alex", OWNER)).isNotNull();

		this.throttle.checked(guess, false);
	}

	@Test
	void ipv6AddressesCountByTheirNetwork() {
		assertThat(ClientAddress.normalized("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.normalized("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.normalized("203.0.113.66")).isEqualTo("203.0.113.66");
	}

	private void check(String account, String address, boolean right) throws InterruptedException {
		SignInThrottle.Permit permit = this.throttle.acquire(account, address);
		assertThat(permit).as("%s may try %s now", address, account).isNotNull();
		this.throttle.checked(permit, right);
	}

	/** A guess from the attacker's address on a thread of its own. */
	private Thread arriving(String account, CompletableFuture<SignInThrottle.Permit> permit) {
		Thread thread = new Thread(() -> {
			try {
				permit.complete(this.throttle.acquire(account, ATTACKER));
			}
			catch (InterruptedException ex) {
				permit.completeExceptionally(ex);
			}
		});
		thread.start();
		return thread;
	}

	private static boolean waiting(Thread thread) {
		return thread.getState() == Thread.State.TIMED_WAITING;
	}

	/** A clock that moves only when the test says so. */
	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2030-06-03T09:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
