package io.greenlight.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passwords that HTTP Basic verified lately, so that an API client (engine REST, Camunda
 * Modeler, scripts), which sends its password with every call, pays the Argon2id hash
 * once per {@code greenlight.security.basic-cache-ttl} and not on every call.
 * <p>
 * What is kept is not the password but an HMAC of user id, password and the password hash
 * stored for the user when it was verified, under a key drawn at random when the server
 * starts and never stored: the memory holds nothing to try passwords against once the
 * process is gone, and a wrong password never matches. The caller reads the stored hash
 * again for every call it asks about (one indexed row), so a password changed or a user
 * deleted anywhere (Camunda Admin, engine REST, another node, the database) stops the old
 * password at once: the entry no longer matches. The hash must be read before the
 * password is checked, so that a change in between leaves an entry that never matches.
 * When the sign-in throttle locks the account, the entry is forgotten
 * ({@link SignInLocked}).
 * <p>
 * Per node and in memory, at most {@code basic-cache-size} users. Only the password check
 * is cached: groups and projects are read on every call as before.
 */
@Component
@EnableConfigurationProperties(BasicCacheProperties.class)
class VerifiedPasswords {

	/** Counter of Basic sign-ins by {@code result}: hit (no hash) or miss (hashed). */
	static final String METER = "greenlight.security.basic.cache";

	private static final String HMAC = "HmacSHA256";

	private final Cache<String, byte[]> verified;

	private final SecretKeySpec key;

	private final Counter hits;

	private final Counter misses;

	VerifiedPasswords(BasicCacheProperties settings, MeterRegistry meters) {
		this.verified = settings.basicCacheTtl().isZero() ? null
				: Caffeine.newBuilder()
					.expireAfterWrite(settings.basicCacheTtl())
					.maximumSize(settings.basicCacheSize())
					.build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, HMAC);
		this.hits = counter(meters, "hit");
		this.misses = counter(meters, "miss");
	}

	/**
	 * Whether this password was verified lately for the user while their stored hash was
	 * {@code storedHash}, as it is now.
	 */
	boolean vouchFor(String userId, String password, String storedHash) {
		if (this.verified == null) {
			return false;
		}
		byte[] known = this.verified.getIfPresent(userId);
		boolean matches = known != null && MessageDigest.isEqual(known, mac(userId, password, storedHash));
		(matches ? this.hits : this.misses).increment();
		return matches;
	}

	/**
	 * A password just verified against the user store, whose hash for the user was
	 * {@code storedHash} before the check began.
	 */
	void remember(String userId, String password, String storedHash) {
		if (this.verified != null) {
			this.verified.put(userId, mac(userId, password, storedHash));
		}
	}

	/** The account is locked: its next sign-in is checked again. */
	void forget(String userId) {
		if (this.verified != null) {
			this.verified.invalidate(userId);
		}
	}

	@EventListener
	void locked(SignInLocked lock) {
		forget(lock.account());
	}

	private byte[] mac(String userId, String password, String storedHash) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			// each part after its length: no two different triples give the same input
			for (String part : new String[] { userId, storedHash, password }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
				mac.update(bytes);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder(METER)
			.description("HTTP Basic sign-ins answered from recently verified passwords (hit) or by hashing (miss)")
			.tag("result", result)
			.register(meters);
	}

}
