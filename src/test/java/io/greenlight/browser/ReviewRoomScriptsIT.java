package io.greenlight.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review room's page logic (timecodes and frames, the keyboard, pin and zoom
 * geometry, mentions, rules in words, merging what polling brings) tested where it runs:
 * in Chromium, as the ES modules the room loads from {@code /greenlight/review/}. Each
 * {@code src/test/js/*.test.js} file (served by the test server at
 * {@code /greenlight/test/}) is imported into a page that has the room's
 * Content-Security-Policy, and each of its cases is reported here by name. No Node.js.
 */
@ServerIT
class ReviewRoomScriptsIT {

	private static final Path SCRIPTS = Path.of("src", "test", "js");

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	ReviewRoomScriptsIT(@LocalServerPort int port) {
		this.port = port;
	}

	@TestFactory
	Stream<DynamicTest> theRoomsScriptsPassTheirCases() throws IOException {
		List<String> files;
		try (Stream<Path> listing = Files.list(SCRIPTS)) {
			files = listing.map(path -> path.getFileName().toString())
				.filter(name -> name.endsWith(".test.js"))
				.sorted()
				.toList();
		}
		assertThat(files).as("script tests in " + SCRIPTS.toAbsolutePath()).isNotEmpty();

		// a page under /review/ has the room's policy: scripts from the server only
		Browser browser = this.browsers.open(this.port);
		browser.go("/review/script-tests");
		new LoginPage(browser).signIn(Users.REVIEWER1, Users.PASSWORD);
		browser.await("a page of the review room's address", driver -> browser.path().startsWith("/review/"));
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));

		List<DynamicTest> tests = new ArrayList<>();
		for (String file : files) {
			List<Map<String, Object>> results = run(browser, file);
			tests.add(DynamicTest.dynamicTest(file + " has cases", () -> assertThat(results).isNotEmpty()));
			for (Map<String, Object> result : results) {
				tests.add(DynamicTest.dynamicTest(file + ": " + result.get("name"),
						() -> assertThat(result.get("ok")).as("%s: %s", result.get("name"), result.get("message"))
							.isEqualTo(Boolean.TRUE)));
			}
		}
		return tests.stream();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> run(Browser browser, String file) {
		Object results = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import(arguments[0]).then((module) => module.run()).then(done,
				    (failure) => done([{name: 'loading ' + arguments[0], ok: false,
				                        message: String((failure && failure.stack) || failure)}]));
				""", "/greenlight/test/" + file);
		assertThat(results).as("what " + file + " reported").isInstanceOf(List.class);
		return (List<Map<String, Object>>) results;
	}

}
