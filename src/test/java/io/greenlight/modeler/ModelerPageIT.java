package io.greenlight.modeler;

import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web modeler's page over HTTP: creative-ops get it under a policy that runs no
 * script but the server's own; anyone else a page saying whom it is for, with 403.
 */
@ServerIT
class ModelerPageIT {

	private final Http http;

	@Autowired
	ModelerPageIT(@LocalServerPort int port) {
		this.http = new Http(port);
	}

	@Test
	void creativeOpsGetThePageUnderAPolicyThatRunsOnlyTheServersScripts() {
		Http.Response page = this.http.get(Users.OPS, "/modeler");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("/greenlight/modeler/modeler.js").contains("name=\"_csrf\"");
		assertThat(page.raw().headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(policy -> assertThat(policy).contains("default-src 'none'")
				.contains("script-src 'self';")
				.contains("connect-src 'self';")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-eval")
				.doesNotContain("*"));
	}

	@Test
	void anyoneElseIsToldWhomItIsForWith403() {
		for (String user : new String[] { Users.PRODUCER, Users.REVIEWER1, Users.CLIENT }) {
			Http.Response page = this.http.get(user, "/modeler");

			assertThat(page.status()).as(user).isEqualTo(403);
			assertThat(page.body()).as(user)
				.contains("The modeler is for creative operations")
				.doesNotContain("modeler.js");
		}
	}

	@Test
	void theBoardLinksToTheModelerForCreativeOpsOnly() {
		assertThat(this.http.get(Users.OPS, "/board").body()).contains("href=\"/modeler\"");
		assertThat(this.http.get(Users.PRODUCER, "/board").body()).doesNotContain("/modeler");
	}

}
