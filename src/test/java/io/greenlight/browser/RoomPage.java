package io.greenlight.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The review room ({@code /review/{versionId}}) as a reviewer uses it: keys, the mouse on
 * the picture and the timeline, the comment field and the decision panel.
 */
final class RoomPage {

	static final Path SCREENSHOTS = Path.of("target", "screenshots", "review-room");

	static final By TIMECODE = By.id("timecode");

	static final By COMMENT_BODY = By.id("comment-body");

	static final By THREADS = By.cssSelector("#threads .thread");

	static final By BANNER = By.id("banner");

	static final By ALERT = By.id("alert");

	private final Browser browser;

	RoomPage(Browser browser) {
		this.browser = browser;
	}

	Browser browser() {
		return this.browser;
	}

	void click(By by) {
		this.browser.click(by);
	}

	WebElement threadOf(String commentId) {
		return this.browser.visible(By.id("thread-" + commentId));
	}

	/** Opens the thread's reply field, types and sends. */
	RoomPage reply(String commentId, String text) {
		this.browser.click(By.cssSelector("#thread-" + commentId + " button.reply-toggle"));
		this.browser.type(By.id("reply-" + commentId), text);
		this.browser.click(By.cssSelector("#thread-" + commentId + " .reply-form button[type='submit']"));
		return this;
	}

	/** Opens the version's room and waits until its facts and comments are shown. */
	RoomPage open(String versionId) {
		this.browser.go("/review/" + versionId);
		return awaitLoaded();
	}

	RoomPage awaitLoaded() {
		this.browser.await(() -> "the review room loaded; failed requests: " + this.browser.failedRequests(),
				driver -> "true".equals(driver.findElement(By.id("room")).getDomAttribute("data-loaded")));
		return this;
	}

	/** Waits until the file is on the stage (the first frame, the image, the page). */
	RoomPage awaitMedia() {
		this.browser.await(() -> "the version's file on the stage; failed requests: " + this.browser.failedRequests(),
				driver -> "true".equals(driver.findElement(By.id("room")).getDomAttribute("data-media-ready")));
		return this;
	}

	/** Presses keys as a reviewer does, with nothing in particular focused. */
	RoomPage press(CharSequence... keys) {
		new Actions(this.browser.driver()).sendKeys(keys).perform();
		return this;
	}

	/** Presses a key with Shift held down. */
	RoomPage pressWithShift(Keys key) {
		new Actions(this.browser.driver()).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
		return this;
	}

	RoomPage pressTimes(Keys key, int times) {
		for (int i = 0; i < times; i++) {
			press(key);
		}
		return this;
	}

	String timecode() {
		return this.browser.visible(TIMECODE).getText();
	}

	RoomPage awaitTimecode(String expected) {
		this.browser.await(
				() -> "timecode " + expected + ", shown: " + this.browser.driver().findElement(TIMECODE).getText(),
				driver -> expected.equals(driver.findElement(TIMECODE).getText()));
		return this;
	}

	/** The frame the video element shows, from its time and the rate the page uses. */
	long videoFrame() {
		Object frame = script("const v = document.querySelector('.slot.current video');"
				+ "return Math.floor(v.currentTime * 25 + 1e-6);");
		return ((Number) frame).longValue();
	}

	/**
	 * Drags a region on the current version's picture, corners as fractions of it.
	 */
	RoomPage drawRegion(double x1, double y1, double x2, double y2) {
		this.browser.click(By.id("draw-region"));
		drag(By.cssSelector(".slot.current .overlay"), x1, y1, x2, y2);
		return this;
	}

	/** Drags from one point to another of an element, given as fractions of its box. */
	void drag(By element, double x1, double y1, double x2, double y2) {
		WebElement target = this.browser.driver().findElement(element);
		Map<String, Number> box = box(target);
		double width = box.get("width").doubleValue();
		double height = box.get("height").doubleValue();
		int startX = (int) Math.round((x1 - 0.5) * width);
		int startY = (int) Math.round((y1 - 0.5) * height);
		int endX = (int) Math.round((x2 - 0.5) * width);
		int endY = (int) Math.round((y2 - 0.5) * height);
		new Actions(this.browser.driver()).moveToElement(target, startX, startY)
			.clickAndHold()
			.moveByOffset((endX - startX) / 2, (endY - startY) / 2)
			.moveByOffset(endX - startX - (endX - startX) / 2, endY - startY - (endY - startY) / 2)
			.release()
			.perform();
	}

	@SuppressWarnings("unchecked")
	Map<String, Number> box(WebElement element) {
		return (Map<String, Number>) script("const r = arguments[0].getBoundingClientRect();"
				+ "return {left: r.left, top: r.top, width: r.width, height: r.height};", element);
	}

	/**
	 * Where the comment's region is drawn, as fractions of the picture: [x, y, w, h].
	 */
	double[] regionOnPicture(String commentId) {
		WebElement overlay = this.browser.driver().findElement(By.cssSelector(".slot.current .overlay"));
		WebElement region = this.browser
			.visible(By.cssSelector(".slot.current .region[data-comment='" + commentId + "']"));
		Map<String, Number> o = box(overlay);
		Map<String, Number> r = box(region);
		return new double[] {
				(r.get("left").doubleValue() - o.get("left").doubleValue()) / o.get("width").doubleValue(),
				(r.get("top").doubleValue() - o.get("top").doubleValue()) / o.get("height").doubleValue(),
				r.get("width").doubleValue() / o.get("width").doubleValue(),
				r.get("height").doubleValue() / o.get("height").doubleValue() };
	}

	RoomPage write(String text) {
		this.browser.type(COMMENT_BODY, text);
		return this;
	}

	/** Posts the comment in the composer and waits until its thread is listed. */
	WebElement post(String text) {
		write(text);
		this.browser.click(By.id("comment-send"));
		return awaitThread(text);
	}

	/** The thread whose comment says {@code text}, once it is listed. */
	WebElement awaitThread(String text) {
		return this.browser.await("a thread saying: " + text,
				driver -> driver.findElements(THREADS)
					.stream()
					.filter(thread -> thread.findElement(By.cssSelector(":scope > .body")).getText().equals(text))
					.findFirst()
					.orElse(null));
	}

	List<WebElement> threads() {
		return this.browser.all(THREADS);
	}

	/** Whether a pin of that comment is on the picture right now. */
	boolean pinShown(String commentId) {
		return this.browser.isShown(By.cssSelector(".slot.current .pin[data-comment='" + commentId + "']"));
	}

	RoomPage tab(String name) {
		this.browser.click(By.id("tab-" + name));
		return this;
	}

	RoomPage choose(String decision) {
		tab("decision");
		this.browser.click(By.cssSelector("input[name='decision'][value='" + decision + "']"));
		return this;
	}

	RoomPage decisionComment(String text) {
		this.browser.type(By.id("decision-comment"), text);
		return this;
	}

	RoomPage sendDecision() {
		this.browser.click(By.id("decision-send"));
		return this;
	}

	String text(By by) {
		return this.browser.visible(by).getText();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.browser.driver()).executeScript(script, args);
	}

	/**
	 * Shows the page at a screen size (CSS pixels) and saves a screenshot as
	 * {@code target/screenshots/review-room/<name>.png}.
	 */
	Path screenshot(String name, int width, int height) {
		return this.browser.screenshot(SCREENSHOTS, name, width, height);
	}

	Path screenshot(String name) {
		return screenshot(name, 1366, 768);
	}

	/** The page as on a screen of that size, in CSS pixels. */
	RoomPage resize(int width, int height) {
		this.browser.resize(width, height);
		return this;
	}

}
