package io.greenlight.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.greenlight.support.BrowserSession;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in sessions live in the database, so that every node knows them (the two-node
 * case: {@code ClusterDrillIT}). What that must not cost a user of one node.
 */
@ServerIT
class SessionStoreIT {

	private final int port;

	private final JdbcClient jdbc;

	@Autowired
	SessionStoreIT(@LocalServerPort int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	@Test
	void aSignInIsKeptInTheDatabaseAndSigningOutRemovesIt() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(Users.REVIEWER2, Users.PASSWORD);

		String sessionId = sessionId(browser);
		assertThat(storedSessions(sessionId)).isEqualTo(1);
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(200);

		assertThat(browser.signOutFrom("/board")).endsWith("/login?logout");
		assertThat(storedSessions(sessionId)).isZero();
	}

	@Test
	void tasklistsFirstRequestsAllAtOnceAreAllAnswered() {
		// given a user who just signed in: the session has no webapp sign-in and no CSRF
		// token of Camunda's yet, and each of these requests adds them
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(Users.REVIEWER1, Users.PASSWORD);

		// when Tasklist starts, a dozen requests at once
		List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			requests.add(CompletableFuture
				.supplyAsync(() -> browser.get("/camunda/api/engine/engine/default/task/count?assignee=reviewer1")));
		}

		// then every one is answered, none fails on the session they all write
		for (CompletableFuture<HttpResponse<String>> request : requests) {
			HttpResponse<String> response = request.join();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void aSignInThatCanNoLongerBeReadSignsTheUserOutInsteadOfFailingTheirRequests() {
		// given a user signed in, whose stored sign-in no longer reads (as after an
		// upgrade that changed a class kept in the session)
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(Users.CLIENT, Users.PASSWORD);
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(200);
		int changed = this.jdbc
			.sql("UPDATE spring_session_attributes SET attribute_bytes = ? WHERE attribute_name = "
					+ "'SPRING_SECURITY_CONTEXT' AND session_primary_id = "
					+ "(SELECT primary_id FROM spring_session WHERE session_id = ?)")
			.params("not a serialized sign-in".getBytes(StandardCharsets.UTF_8), sessionId(browser))
			.update();
		assertThat(changed).isOne();

		// then the API asks them to sign in, and a page sends them to the login page
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(401);
		HttpResponse<String> board = browser.get("/board");
		assertThat(board.statusCode()).isEqualTo(302);
		assertThat(board.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		// and signing in again works
		browser.signIn(Users.CLIENT, Users.PASSWORD);
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(200);
	}

	// the cookie holds the session id in Base64
	private static String sessionId(BrowserSession browser) {
		return new String(Base64.getDecoder().decode(browser.cookie("JSESSIONID")), StandardCharsets.UTF_8);
	}

	private int storedSessions(String sessionId) {
		return this.jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

}
