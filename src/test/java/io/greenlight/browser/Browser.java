package io.greenlight.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driven by Selenium against the server under test.
 * <p>
 * Uses Debian's {@code chromium} and {@code chromium-driver} packages: the driver
 * executable is named in the {@link ChromeDriverService}, so Selenium Manager (which
 * would try to download a driver) is never run. Each browser gets a fresh, throw-away
 * profile. The paths can be moved with {@code -Dgreenlight.browser.chromium=...} and
 * {@code -Dgreenlight.browser.chromedriver=...}.
 */
final class Browser implements AutoCloseable {

	/**
	 * How long a page may take to show what a test waits for: generous, never asserted
	 * on.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String INSTALL_HINT = "The browser tests need Debian's headless Chromium and its driver: "
			+ "apt-get install chromium chromium-driver";

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, String baseUrl) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts a new browser (fresh profile, no cookies) for the server on {@code port}.
	 */
	static Browser open(int port) {
		Path chromium = executable("greenlight.browser.chromium", "/usr/bin/chromium");
		Path chromedriver = executable("greenlight.browser.chromedriver", "/usr/bin/chromedriver");
		Path profile;
		try {
			profile = Files.createTempDirectory("greenlight-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
		// Tasklist and the forms are translated by the browser's language: keep it
		// English
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			return new Browser(service, driver, profile, "http://localhost:" + port);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteQuietly(profile);
			throw new IllegalStateException(
					"Could not start " + chromium + " through " + chromedriver + ". " + INSTALL_HINT, ex);
		}
	}

	private static Path executable(String property, String fallback) {
		Path path = Path.of(System.getProperty(property, fallback));
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException(path + " is missing. " + INSTALL_HINT);
		}
		return path;
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Opens a page of the server, {@code path} relative to its root. */
	void go(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/**
	 * The current page's path and query, without the server and without the #fragment.
	 */
	String path() {
		String url = this.driver.getCurrentUrl();
		String path = url.startsWith(this.baseUrl) ? url.substring(this.baseUrl.length()) : url;
		int hash = path.indexOf('#');
		return (hash < 0) ? path : path.substring(0, hash);
	}

	/** Waits until {@code condition} returns something other than null or false. */
	<T> T await(String what, Function<WebDriver, T> condition) {
		return await(() -> what, condition);
	}

	/**
	 * As {@link #await(String, Function)}, with a message made when the wait times out.
	 */
	<T> T await(Supplier<String> what, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, TIMEOUT).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(condition);
	}

	/** Waits for the element to be shown and returns it. */
	WebElement visible(By by) {
		return await("visible: " + by, driver -> {
			WebElement element = driver.findElement(by);
			return element.isDisplayed() ? element : null;
		});
	}

	/** Whether such an element is on the page and shown right now, without waiting. */
	boolean isShown(By by) {
		try {
			return this.driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
		}
		catch (StaleElementReferenceException ex) {
			return false;
		}
	}

	/**
	 * Clicks the element once it is shown and enabled, scrolled into view; retried while
	 * a re-render or a fading modal is in the way.
	 */
	void click(By by) {
		await("clickable: " + by, driver -> {
			WebElement element = driver.findElement(by);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			try {
				// as a user scrolls: Tasklist's fixed footer covers the bottom of a long
				// form
				((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
				element.click();
				return true;
			}
			catch (ElementNotInteractableException ex) {
				return false;
			}
		});
	}

	/** Types into the field the way a user does: click, clear, keys. */
	void type(By by, CharSequence... keys) {
		WebElement field = visible(by);
		field.click();
		field.clear();
		field.sendKeys(keys);
	}

	List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	/**
	 * The requests of the current page that failed ("404 http://..."), to say why a page
	 * is stuck.
	 */
	List<String> failedRequests() {
		Object failed = this.driver.executeScript("return performance.getEntriesByType('resource')"
				+ ".filter(e => e.responseStatus >= 400).map(e => e.responseStatus + ' ' + e.name);");
		return (failed instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	/** The session cookie's value, or null when the browser has none. */
	String sessionCookie() {
		Cookie cookie = this.driver.manage().getCookieNamed("JSESSIONID");
		return (cookie != null) ? cookie.getValue() : null;
	}

	/**
	 * Forgets every cookie, as a new browser would: the next page asks to sign in again.
	 */
	void forgetCookies() {
		this.driver.manage().deleteAllCookies();
	}

	/**
	 * Shows the page at a screen size (CSS pixels) and saves a screenshot as
	 * {@code <directory>/<name>.png}, for people to look at.
	 */
	Path screenshot(Path directory, String name, int width, int height) {
		resize(width, height);
		try {
			Thread.sleep(400);
			Files.createDirectories(directory);
			Path png = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Path target = directory.resolve(name + ".png");
			Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The page as on a screen of that size, in CSS pixels. */
	void resize(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	/** Saves a screenshot and the page's HTML next to each other, for a failed test. */
	void keepEvidence(Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		Path png = this.driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(directory.resolve(name + ".html"),
				"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temp directory left behind is harmless
		}
	}

}
