package io.greenlight.system;

import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server makes of a request, over real HTTP: impossible pages answered with what
 * to fix instead of a server error.
 */
@ServerIT
class RequestLimitsIT {

	private final Http http;

	@Autowired
	RequestLimitsIT(@LocalServerPort int port) {
		this.http = new Http(port);
	}

	@ParameterizedTest
	@CsvSource({ "reviewer1, /api/notifications", "reviewer1, /api/notifications/log", "ops, /api/notifications/failed",
			"producer, /api/assets" })
	void aPageBeyondAnyListIsABadRequest(String user, String path) {
		Http.Response response = this.http.get(user, path + "?page=2147483647&size=200");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("detail").asText()).contains("page").contains("size");
	}

}
