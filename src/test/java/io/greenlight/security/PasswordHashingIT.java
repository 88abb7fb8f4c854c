package io.greenlight.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.greenlight.support.AtOnce;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Default16ByteSaltGenerator;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User passwords over real HTTP: new ones are stored as Argon2id; one stored by the
 * engine before (salted SHA-512) still signs in, and that sign-in replaces it by an
 * Argon2id hash of the same password, once; a wrong password replaces nothing.
 */
@ServerIT
class PasswordHashingIT {

	private static final String PASSWORD = "correct-horse-battery-staple";

	private final Http http;

	private final IdentityService identityService;

	private final JdbcClient jdbc;

	@Autowired
	PasswordHashingIT(@LocalServerPort int port, IdentityService identityService, JdbcClient jdbc) {
		this.http = new Http(port);
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	@Test
	void aNewPasswordIsStoredAsArgon2id() {
		String userId = newUser();

		assertThat(storedHash(userId)).startsWith("{ARGON2ID}$argon2id$v=19$");
		assertThat(signIn(userId, PASSWORD)).isEqualTo(200);
	}

	@Test
	void anOldSha512HashSignsInAndIsReplacedByArgon2idOfTheSamePassword() {
		// given a user whose password the engine hashed before Argon2id
		String userId = newUser();
		String oldHash = storeOldSha512Hash(userId, PASSWORD);

		// when they sign in over HTTP
		int status = signIn(userId, PASSWORD);

		// then they are in, and their hash is now Argon2id, of the same password
		assertThat(status).isEqualTo(200);
		String newHash = storedHash(userId);
		assertThat(newHash).isNotEqualTo(oldHash).startsWith("{ARGON2ID}$argon2id$");
		assertThat(signIn(userId, PASSWORD)).isEqualTo(200);
		assertThat(this.identityService.checkPassword(userId, PASSWORD)).isTrue();
		// and the next sign-ins leave the new hash as it is
		assertThat(storedHash(userId)).isEqualTo(newHash);
		assertThat(this.identityService.checkPassword(userId, "not-" + PASSWORD)).isFalse();
	}

	@Test
	void aWrongPasswordReplacesNothing() {
		String userId = newUser();
		String oldHash = storeOldSha512Hash(userId, PASSWORD);

		assertThat(signIn(userId, "not-" + PASSWORD)).isEqualTo(401);

		assertThat(storedHash(userId)).isEqualTo(oldHash);
	}

	@Test
	void aSignInAfterFailedOnesUnlocksTheUserAndReplacesTheHashTogether() {
		// given an old hash and two failed attempts whose waiting time has passed
		String userId = newUser();
		storeOldSha512Hash(userId, PASSWORD);
		this.jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 2, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?")
			.param(userId)
			.update();

		assertThat(signIn(userId, PASSWORD)).isEqualTo(200);

		assertThat(storedHash(userId)).startsWith("{ARGON2ID}$argon2id$");
		assertThat(this.jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?")
			.param(userId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void sameMomentSignInsWithAnOldHashAllSucceed() throws Exception {
		// given an old hash, and four clients of the same user signing in at once
		String userId = newUser();
		storeOldSha512Hash(userId, PASSWORD);
		List<Callable<Integer>> signIns = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			signIns.add(() -> signIn(userId, PASSWORD));
		}

		// then each one is in (whichever replaced the hash), and the hash is Argon2id
		assertThat(AtOnce.run(signIns)).containsOnly(200);
		assertThat(storedHash(userId)).startsWith("{ARGON2ID}$argon2id$");
		assertThat(this.identityService.checkPassword(userId, PASSWORD)).isTrue();
	}

	private String newUser() {
		String userId = "hashed" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		User user = this.identityService.newUser(userId);
		user.setFirstName("Hash");
		user.setLastName("Tester");
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		return userId;
	}

	/**
	 * The engine's own format before Argon2id, made with its own classes: {SHA-512} and
	 * Base64 of SHA-512 over the password followed by the user's (16-byte) salt.
	 */
	private String storeOldSha512Hash(String userId, String password) {
		String salt = new Default16ByteSaltGenerator().generateSalt();
		String hash = "{SHA-512}" + new Sha512HashDigest().encrypt(password + salt);
		this.jdbc.sql("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?").params(hash, salt, userId).update();
		return hash;
	}

	private String storedHash(String userId) {
		return this.jdbc.sql("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?").param(userId).query(String.class).single();
	}

	private int signIn(String userId, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.http.url("/api/notifications")))
				.header("Authorization", "Basic " + credentials))
			.status();
	}

}
