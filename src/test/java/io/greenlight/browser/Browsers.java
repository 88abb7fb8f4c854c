package io.greenlight.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browsers a test opened: all closed after the test, and when the test failed, a
 * screenshot and the HTML of each one's last page are kept in
 * {@code target/browser-failures}.
 * <p>
 * Register per test instance:
 * {@code @RegisterExtension final Browsers browsers = new Browsers();}
 */
final class Browsers implements AfterEachCallback {

	private static final Logger log = LoggerFactory.getLogger(Browsers.class);

	private static final Path EVIDENCE = Path.of("target", "browser-failures");

	private final List<Browser> open = new ArrayList<>();

	Browser open(int port) {
		Browser browser = Browser.open(port);
		this.open.add(browser);
		return browser;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		try {
			if (context.getExecutionException().isPresent()) {
				keepEvidence(test);
			}
			else {
				forgetEvidence(test);
			}
		}
		finally {
			this.open.forEach(Browser::close);
			this.open.clear();
		}
	}

	/**
	 * A passing test leaves no pages of an earlier failure of its own behind to mislead
	 * anyone.
	 */
	private static void forgetEvidence(String test) {
		if (!Files.isDirectory(EVIDENCE)) {
			return;
		}
		try (Stream<Path> files = Files.list(EVIDENCE)) {
			for (Path file : files.filter(file -> file.getFileName().toString().startsWith(test)).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			log.warn("Could not remove the pages of an earlier failure of {}", test, ex);
		}
	}

	private void keepEvidence(String test) {
		for (int i = 0; i < this.open.size(); i++) {
			String name = test + ((this.open.size() > 1) ? "-" + (i + 1) : "");
			try {
				this.open.get(i).keepEvidence(EVIDENCE, name);
				log.warn("Browser at the failure of {}: {}", test,
						EVIDENCE.resolve(name).toAbsolutePath() + ".png/.html");
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not keep the browser's page for {}", test, ex);
			}
		}
	}

}
