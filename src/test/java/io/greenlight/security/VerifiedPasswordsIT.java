package io.greenlight.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP Basic's verified passwords over real HTTP: an API client's password is hashed once
 * and then remembered, but a changed password, a deleted user and a wrong password are
 * refused on the very next call, and the throttle still counts every wrong one. Locked
 * accounts: BehindTlsProxyIT (it takes many client addresses).
 */
@ServerIT
class VerifiedPasswordsIT {

	private static final String PASSWORD = "api-client-password-1";

	private final Http http;

	private final IdentityService identityService;

	private final MeterRegistry meters;

	@Autowired
	VerifiedPasswordsIT(@LocalServerPort int port, IdentityService identityService, MeterRegistry meters) {
		this.http = new Http(port);
		this.identityService = identityService;
		this.meters = meters;
	}

	@Test
	void aVerifiedPasswordIsNotHashedAgainOnTheNextCalls() {
		String userId = newUser();
		double hits = cache("hit");
		double misses = cache("miss");

		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);
		assertThat(basic(userId, PASSWORD, "/engine-rest/task?maxResults=1").status()).isEqualTo(200);

		assertThat(cache("miss") - misses).isEqualTo(1);
		assertThat(cache("hit") - hits).isEqualTo(2);
	}

	@Test
	void aChangedPasswordStopsTheOldOneOnTheNextCall() {
		// given an API client whose password is remembered
		String userId = newUser();
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);

		// when an administrator gives the user a new password over engine REST
		Http.Response change = this.http.send(this.http
			.request(Users.OPS, "/engine-rest/user/" + userId + "/credentials")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("""
					{"password": "a-new-password-2", "authenticatedUserPassword": "%s"}""".formatted(Users.PASSWORD))));
		assertThat(change.status()).as(change.body()).isEqualTo(204);

		// then the old password is refused at once, and the new one signs in
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> basic(userId, "a-new-password-2", "/api/notifications").status() == 200);
	}

	@Test
	void aPasswordChangedInsideTheServerStopsTheOldOneToo() {
		String userId = newUser();
		assertThat(basic(userId, PASSWORD, "/engine-rest/task?maxResults=1").status()).isEqualTo(200);

		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		user.setPassword("a-new-password-3");
		this.identityService.saveUser(user);

		assertThat(basic(userId, PASSWORD, "/engine-rest/task?maxResults=1").status()).isEqualTo(401);
	}

	@Test
	void aDeletedUserIsRefusedOnTheNextCall() {
		String userId = newUser();
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);

		Http.Response delete = this.http.send(this.http.request(Users.OPS, "/engine-rest/user/" + userId).DELETE());
		assertThat(delete.status()).as(delete.body()).isEqualTo(204);

		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(401);
	}

	@Test
	void aWrongPasswordIsRefusedAndCountedAndTheRememberedOneWaitsToo() {
		// given a remembered password
		String userId = newUser();
		assertThat(basic(userId, PASSWORD, "/api/notifications").status()).isEqualTo(200);
		double hits = cache("hit");

		// when a wrong one comes
		Http.Response wrong = basic(userId, "not-" + PASSWORD, "/api/notifications");

		// then it is refused and counted: the address waits, even with the right password
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.raw().headers().firstValue("Retry-After")).hasValue("1");
		Http.Response right = basic(userId, PASSWORD, "/api/notifications");
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.raw().headers().firstValue("Retry-After")).isPresent();
		// and after the wait the remembered password signs in without a hash
		await().atMost(Duration.ofSeconds(10))
			.until(() -> basic(userId, PASSWORD, "/api/notifications").status() == 200);
		assertThat(cache("hit")).isGreaterThan(hits);
	}

	@Test
	void groupsAreReadOnEveryCall() {
		// given a remembered password of a user who may not read the metrics
		String userId = newUser();
		assertThat(basic(userId, PASSWORD, "/actuator/metrics").status()).isEqualTo(403);

		// when they join creative-ops
		this.identityService.createMembership(userId, Groups.CREATIVE_OPS);

		// then the next call may, and when they leave it, the next one may not
		assertThat(basic(userId, PASSWORD, "/actuator/metrics").status()).isEqualTo(200);
		this.identityService.deleteMembership(userId, Groups.CREATIVE_OPS);
		assertThat(basic(userId, PASSWORD, "/actuator/metrics").status()).isEqualTo(403);
	}

	private double cache(String result) {
		return this.meters.counter(VerifiedPasswords.METER, "result", result).count();
	}

	private String newUser() {
		String userId = "apiclient" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		User user = this.identityService.newUser(userId);
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		return userId;
	}

	private Http.Response basic(String user, String password, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.url(path)))
			.header("Authorization", "Basic " + credentials));
	}

}
