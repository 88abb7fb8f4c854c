package io.greenlight.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenlight.support.BrowserSession;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server behind a TLS proxy on the same host (GREENLIGHT_FORWARD_HEADERS=native, the
 * default trusted proxies: loopback), which the tests play: they send what the proxy
 * would add, {@code X-Forwarded-Proto} and {@code X-Forwarded-For} with the client's
 * address last. So each test can come from addresses of its own: an attacker's, the
 * account owner's.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
@ServerIT
// sign-in waits no slow machine outlasts within a test: the first wait after a
// wrong password (1 s by default, doubling) can end between the attacker's last
// guess and their right password (seen once in CI: the right password got through)
@TestPropertySource(properties = { "GREENLIGHT_FORWARD_HEADERS=native", "greenlight.sign-in.first-wait=PT30S" })
class BehindTlsProxyIT {

	private static final Pattern LOGIN_ERROR = Pattern.compile("id=\"login-error\"[^>]*>([^<]*)<");

	private static final String RIGHT = "right-password-123";

	private final int port;

	private final Http http;

	private final IdentityService identityService;

	private final MeterRegistry meters;

	@Autowired
	BehindTlsProxyIT(@LocalServerPort int port, IdentityService identityService, MeterRegistry meters) {
		this.port = port;
		this.http = new Http(port);
		this.identityService = identityService;
		this.meters = meters;
	}

	@Test
	void overHttpsTheServerSendsHstsAndASecureSameSiteSessionCookie() {
		Http.Response https = this.http.send(this.http.request(null, "/login")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "192.0.2.50"));
		Http.Response redirect = this.http.send(this.http.request(null, "/camunda/app/tasklist/default/")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "192.0.2.50"));
		Http.Response plain = this.http.send(this.http.request(null, "/login").header("X-Forwarded-For", "192.0.2.50"));

		assertThat(https.raw().headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
		assertThat(sessionCookie(https)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(redirect.raw().headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
		// the same proxy forwarding plain http: nothing that needs TLS
		assertThat(plain.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(plain)).doesNotContain("Secure").contains("SameSite=Lax");
	}

	@Test
	void anAttackersGuessesDoNotStopTheOwnerNorLockTheAdministrator() {
		// given an attacker at one address guessing the only administrator's password on
		// the login page, over HTTP Basic on the API and on engine REST, also claiming
		// other addresses in front of the one the proxy saw
		String attacker = "203.0.113.66";
		BrowserSession attackersBrowser = new BrowserSession(this.port).header("X-Forwarded-For", attacker);
		for (int i = 0; i < 10; i++) {
			assertThat(attackersBrowser.signIn(Users.OPS, "guess-" + i)).endsWith("/login?error");
			assertThat(basic(Users.OPS, "guess-" + i, "/api/assets", "198.51.100." + i + ", " + attacker).status())
				.isEqualTo(401);
			assertThat(basic(Users.OPS, "guess-" + i, "/engine-rest/deployment?maxResults=1", attacker).status())
				.isEqualTo(401);
		}
		assertThat(loginError(attackersBrowser)).matches(SecurityIT.GENERIC_MESSAGE);

		// then the attacker's address waits, even with the right password
		Http.Response attackerRight = basic(Users.OPS, Users.PASSWORD, "/api/assets", attacker);
		assertThat(attackerRight.status()).isEqualTo(401);
		assertThat(attackerRight.json().get("detail").asText()).matches(SecurityIT.GENERIC_MESSAGE);

		// and the administrator signs in from their own address, and from a new one
		BrowserSession ownersBrowser = new BrowserSession(this.port).header("X-Forwarded-For", "192.0.2.10");
		assertThat(ownersBrowser.signIn(Users.OPS, Users.PASSWORD)).endsWith("/camunda/app/tasklist/default/");
		assertThat(basic(Users.OPS, Users.PASSWORD, "/api/assets", "192.0.2.10").status()).isEqualTo(200);
		assertThat(basic(Users.OPS, Users.PASSWORD, "/engine-rest/deployment?maxResults=1", "192.0.2.77").status())
			.isEqualTo(200);
	}

	@Test
	void wrongPasswordsFromManyAddressesLockTheAccountUntilAnAdministratorUnlocksIt() {
		// given a user who signed in from home before, with HTTP Basic, which
		// remembers the password
		createUser("many-addresses");
		assertThat(basic("many-addresses", RIGHT, "/api/notifications", "192.0.2.20").status()).isEqualTo(200);
		assertThat(basic("many-addresses", RIGHT, "/api/notifications", "192.0.2.20").status()).isEqualTo(200);

		// when wrong passwords come from twenty addresses
		for (int i = 1; i <= 20; i++) {
			assertThat(basic("many-addresses", "guess-" + i, "/api/notifications", "198.51.100." + (100 + i)).status())
				.isEqualTo(401);
		}

		// then the account is locked for new addresses, with the same message as ever,
		// although the password is the remembered one
		double misses = this.meters.counter(VerifiedPasswords.METER, "result", "miss").count();
		Http.Response stranger = basic("many-addresses", RIGHT, "/api/notifications", "192.0.2.99");
		assertThat(stranger.status()).isEqualTo(401);
		assertThat(stranger.json().get("detail").asText()).matches(SecurityIT.GENERIC_MESSAGE);
		assertThat(Long.parseLong(stranger.raw().headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(600);
		// but not from home
		assertThat(basic("many-addresses", RIGHT, "/api/notifications", "192.0.2.20").status()).isEqualTo(200);
		// and the lock made HTTP Basic forget the password: both were checked again
		assertThat(this.meters.counter(VerifiedPasswords.METER, "result", "miss").count() - misses).isEqualTo(2);

		// when an administrator unlocks the account in Camunda Admin
		BrowserSession admin = new BrowserSession(this.port);
		admin.signIn(Users.OPS, Users.PASSWORD);
		HttpResponse<String> unlock = admin.postJson("/camunda/api/engine/engine/default/user/many-addresses/unlock",
				"{}");
		assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(204);

		// then the right password signs in from anywhere again
		assertThat(basic("many-addresses", RIGHT, "/api/notifications", "192.0.2.99").status()).isEqualTo(200);
	}

	@Test
	void anAddressThatTriesManyAccountsWaitsBeforeTryingAnother() {
		String sprayer = "203.0.113.99";
		for (int i = 1; i <= 11; i++) {
			assertThat(basic("sprayed-" + i, "Summer2030!", "/api/assets", sprayer).status()).isEqualTo(401);
		}

		Http.Response next = basic(Users.PRODUCER, Users.PASSWORD, "/api/assets", sprayer);

		assertThat(next.status()).isEqualTo(401);
		assertThat(next.json().get("detail").asText()).matches(SecurityIT.GENERIC_MESSAGE);
		assertThat(basic(Users.PRODUCER, Users.PASSWORD, "/api/assets", "192.0.2.30").status()).isEqualTo(200);
	}

	/** HTTP Basic through the proxy, from the client address it appends. */
	private Http.Response basic(String user, String password, String path, String forwardedFor) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.url(path)))
			.header("Authorization", "Basic " + credentials)
			.header("X-Forwarded-For", forwardedFor));
	}

	private static String loginError(BrowserSession browser) {
		Matcher error = LOGIN_ERROR.matcher(browser.get("/login?error").body());
		assertThat(error.find()).as("an error on the login page").isTrue();
		return error.group(1).trim();
	}

	private static String sessionCookie(Http.Response response) {
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.raw().headers().map()));
	}

	private void createUser(String id) {
		User user = this.identityService.newUser(id);
		user.setPassword(RIGHT);
		this.identityService.saveUser(user);
	}

}
