package io.greenlight.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a guesser lock anyone else out
 * (docs/decisions/0013-sign-in-throttling.md). Every password check a caller causes asks
 * it first: the login page, HTTP Basic on {@code /api} and {@code /engine-rest}, and the
 * engine's own checks reached over HTTP ({@link ThrottledIdentityService}).
 * <ul>
 * <li>Per account and address: each wrong password makes that address wait before it may
 * try that account again, longer each time. Nobody else waits: the owner signs in from
 * their own address.</li>
 * <li>Per address: after many wrong passwords on any accounts the address also waits
 * before trying an account it has not signed in to (one password tried on many
 * accounts).</li>
 * <li>Per account: many wrong passwords from many addresses within the window lock the
 * account for a while, though not for addresses it signed in from before. One caller
 * cannot forge that evidence: behind no proxy the address is the connection's, behind a
 * trusted proxy the one the proxy saw. An administrator's unlock in Camunda Admin ends
 * the lock.</li>
 * </ul>
 * An address that has not signed in to the account checks one password at a time, so that
 * guesses sent all at once wait like guesses sent one after another.
 * <p>
 * Everything is held in memory: per server node, forgotten at a restart, at most
 * {@code max-tracked} entries of each kind.
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	// user ids are at most this long in the engine; longer names cannot exist
	private static final int LONGEST_ACCOUNT = 255;

	// a burst from one address waits this long, this many at a time, for the check in
	// progress; the rest are refused at once
	private static final long QUEUE_WAIT_MILLIS = 2000;

	private static final int QUEUE_LENGTH = 10;

	private final SignInThrottleProperties settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<Pair, Failures> pairs;

	private final Map<String, Failures> addresses;

	private final Map<String, Evidence> evidence;

	private final Map<String, Instant> locks;

	private final Map<Pair, Instant> known;

	private final Set<String> checking = new HashSet<>();

	private final Map<String, Integer> queued = new HashMap<>();

	@Autowired
	SignInThrottle(SignInThrottleProperties settings, ApplicationEventPublisher events) {
		this(settings, Clock.systemUTC(), events);
	}

	SignInThrottle(SignInThrottleProperties settings, Clock clock, ApplicationEventPublisher events) {
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.pairs = bounded(settings.maxTracked());
		this.addresses = bounded(settings.maxTracked());
		this.evidence = bounded(settings.maxTracked());
		this.locks = bounded(settings.maxTracked());
		this.known = bounded(settings.maxTracked());
	}

	/**
	 * How long the address must wait before it may try a password for the account; zero
	 * when it may try now. {@code null} address (the server itself): never.
	 */
	synchronized Duration waitBefore(String account, String address) {
		if (address == null) {
			return Duration.ZERO;
		}
		Instant now = this.clock.instant();
		Instant until = until(Pair.of(account, address), now);
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	/**
	 * Asks to check a password now.
	 * @return the permit to check it, to be handed back with the result to
	 * {@link #checked}; {@code null} when the address has to wait
	 */
	synchronized Permit acquire(String account, String address) throws InterruptedException {
		if (address == null) {
			return new Permit(null, false);
		}
		Pair pair = Pair.of(account, address);
		if (isKnown(pair, this.clock.instant())) {
			return mayTryNow(pair) ? new Permit(pair, false) : null;
		}
		if (!awaitTurn(address) || !mayTryNow(pair)) {
			return null;
		}
		this.checking.add(address);
		return new Permit(pair, true);
	}

	/**
	 * The result of a check {@link #acquire} allowed: {@code true} right, {@code false}
	 * wrong, {@code null} none (the check failed for another reason).
	 */
	synchronized void checked(Permit permit, Boolean right) {
		if (permit.pair() == null) {
			return;
		}
		if (permit.holdsTurn()) {
			this.checking.remove(permit.pair().address());
			notifyAll();
		}
		Instant now = this.clock.instant();
		if (Boolean.TRUE.equals(right)) {
			this.pairs.remove(permit.pair());
			this.known.put(permit.pair(), now);
		}
		else if (Boolean.FALSE.equals(right)) {
			failed(permit.pair(), now);
		}
	}

	/**
	 * A password {@link VerifiedPasswords} vouches for, without a check: allowed when the
	 * address may try the account now, and then it counts as a sign-in from there, as the
	 * check would have.
	 * @return false when the address has to wait: the caller goes the way of a check,
	 * which refuses it
	 */
	synchronized boolean admitVerified(String account, String address) {
		if (address == null) {
			return true;
		}
		Pair pair = Pair.of(account, address);
		if (!mayTryNow(pair)) {
			return false;
		}
		this.pairs.remove(pair);
		this.known.put(pair, this.clock.instant());
		return true;
	}

	/** An administrator unlocked the account: every wait for it ends. */
	synchronized void unlock(String account) {
		String key = Pair.account(account);
		this.locks.remove(key);
		this.evidence.remove(key);
		this.pairs.keySet().removeIf(pair -> pair.account().equals(key));
		log.info("Sign-in to {} unlocked: every wait for it ended", printable(key));
	}

	private void failed(Pair pair, Instant now) {
		Failures forPair = Failures.next(this.pairs.get(pair), now, this.settings.window());
		this.pairs.put(pair, forPair.waitingUntil(now.plus(backoff(forPair.count()))));

		Failures forAddress = Failures.next(this.addresses.get(pair.address()), now, this.settings.window());
		int beyond = forAddress.count() - this.settings.addressFreeFailures();
		this.addresses.put(pair.address(), forAddress.waitingUntil((beyond > 0) ? now.plus(backoff(beyond)) : now));
		if (beyond == 1) {
			log.warn("Sign-ins from {} wait now: {} wrong passwords within {}", pair.address(), forAddress.count(),
					this.settings.window());
		}

		if (!isKnown(pair, now)) {
			gatherEvidence(pair, now);
		}
	}

	private void gatherEvidence(Pair pair, Instant now) {
		Evidence against = this.evidence.get(pair.account());
		if (against == null || against.last().plus(this.settings.window()).isBefore(now)) {
			against = new Evidence();
		}
		against.add(pair.address(), now, this.settings.lockAddresses());
		if (against.failures() >= this.settings.lockFailures()
				&& against.addresses().size() >= this.settings.lockAddresses()) {
			Instant until = now.plus(this.settings.lockDuration());
			this.locks.put(pair.account(), until);
			this.evidence.remove(pair.account());
			this.events.publishEvent(new SignInLocked(pair.account()));
			log.warn(
					"Sign-in to {} locked until {} for addresses it has not signed in from: {} wrong passwords "
							+ "from {} or more addresses within {}; an administrator can unlock it in Camunda Admin",
					printable(pair.account()), until, against.failures(), against.addresses().size(),
					this.settings.window());
		}
		else {
			this.evidence.put(pair.account(), against);
		}
	}

	/**
	 * Until when the pair waits: its own back-off, and, unless the address is known for
	 * the account, the address's back-off and the account's lock.
	 */
	private Instant until(Pair pair, Instant now) {
		Instant until = live(this.pairs.get(pair), now);
		if (!isKnown(pair, now)) {
			until = later(until, live(this.addresses.get(pair.address()), now));
			Instant lock = this.locks.get(pair.account());
			if (lock != null && !lock.isAfter(now)) {
				this.locks.remove(pair.account());
			}
			else {
				until = later(until, lock);
			}
		}
		return (until != null) ? until : now;
	}

	private boolean mayTryNow(Pair pair) {
		Instant now = this.clock.instant();
		return !until(pair, now).isAfter(now);
	}

	private boolean isKnown(Pair pair, Instant now) {
		Instant signedIn = this.known.get(pair);
		return signedIn != null && signedIn.plus(this.settings.knownFor()).isAfter(now);
	}

	/**
	 * Waits while another check from the address is in progress, for a while and only a
	 * few at a time.
	 */
	private boolean awaitTurn(String address) throws InterruptedException {
		if (!this.checking.contains(address)) {
			return true;
		}
		int waiting = this.queued.getOrDefault(address, 0);
		if (waiting >= QUEUE_LENGTH) {
			return false;
		}
		this.queued.put(address, waiting + 1);
		try {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUEUE_WAIT_MILLIS);
			while (this.checking.contains(address)) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					return false;
				}
				wait(left);
			}
			return true;
		}
		finally {
			this.queued.compute(address, (key, count) -> (count == null || count <= 1) ? null : count - 1);
		}
	}

	private Instant live(Failures failures, Instant now) {
		return (failures == null || failures.forgotten(now, this.settings.window())) ? null : failures.until();
	}

	/** firstWait, doubled for each failure after the first, at most longestWait. */
	private Duration backoff(int failures) {
		Duration wait = this.settings.firstWait().multipliedBy(1L << Math.min(failures - 1, 30));
		return (wait.compareTo(this.settings.longestWait()) > 0) ? this.settings.longestWait() : wait;
	}

	private static Instant later(Instant one, Instant other) {
		if (one == null) {
			return other;
		}
		return (other != null && other.isAfter(one)) ? other : one;
	}

	// the account name is whatever the caller typed
	private static String printable(String account) {
		return account.replaceAll("\\p{Cntrl}", "?");
	}

	private static <K, V> Map<K, V> bounded(int max) {
		return new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > max;
			}

		};
	}

	/**
	 * Leave to check one password; {@code holdsTurn} when it keeps other checks from its
	 * address waiting.
	 */
	record Permit(Pair pair, boolean holdsTurn) {
	}

	/** An account name and a client address. */
	record Pair(String account, String address) {

		static Pair of(String account, String address) {
			return new Pair(account(account), address);
		}

		static String account(String account) {
			String name = (account != null) ? account : "";
			return (name.length() > LONGEST_ACCOUNT) ? name.substring(0, LONGEST_ACCOUNT) : name;
		}

	}

	/**
	 * Wrong passwords counted since the last quiet window, the last one, and until when
	 * they make the caller wait.
	 */
	private record Failures(int count, Instant last, Instant until) {

		static Failures next(Failures previous, Instant now, Duration window) {
			int count = (previous == null || previous.forgotten(now, window)) ? 1 : previous.count() + 1;
			return new Failures(count, now, now);
		}

		Failures waitingUntil(Instant instant) {
			return new Failures(this.count, this.last, instant);
		}

		boolean forgotten(Instant now, Duration window) {
			return !this.until.isAfter(now) && this.last.plus(window).isBefore(now);
		}

	}

	/** Wrong passwords on one account from addresses it has not signed in from. */
	private static final class Evidence {

		private final Set<String> addresses = new LinkedHashSet<>();

		private int failures;

		private Instant last;

		void add(String address, Instant now, int enoughAddresses) {
			this.failures++;
			this.last = now;
			if (this.addresses.size() < enoughAddresses) {
				this.addresses.add(address);
			}
		}

		int failures() {
			return this.failures;
		}

		Instant last() {
			return this.last;
		}

		Set<String> addresses() {
			return this.addresses;
		}

	}

}
