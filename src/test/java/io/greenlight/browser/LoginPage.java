package io.greenlight.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Greenlight's own sign-in page at {@code /login}, the only one a user ever sees.
 */
final class LoginPage {

	static final String PATH = "/login";

	private static final By USERNAME = By.id("username");

	private static final By PASSWORD = By.id("password");

	private static final By SIGN_IN = By.id("sign-in");

	private static final By ERROR = By.id("login-error");

	private static final By SIGNED_OUT = By.id("logged-out");

	private final Browser browser;

	LoginPage(Browser browser) {
		this.browser = browser;
	}

	/** Waits until the browser shows the sign-in page (after a redirect, say). */
	LoginPage await() {
		this.browser.await("Greenlight's sign-in page", driver -> this.browser.path().startsWith(PATH)
				&& this.browser.isShown(USERNAME) && this.browser.isShown(SIGN_IN));
		return this;
	}

	/**
	 * Types the user name and password and presses "Sign in"; waits for the next page.
	 */
	void signIn(String user, String password) {
		await();
		this.browser.type(USERNAME, user);
		this.browser.type(PASSWORD, password);
		WebElement signIn = this.browser.visible(SIGN_IN);
		signIn.click();
		// the form posts and the server redirects: a new page, even when it is the
		// sign-in page again
		this.browser.await("the page after signing in as " + user, ExpectedConditions.stalenessOf(signIn));
	}

	/**
	 * The red message under the title after a failed sign-in, or null when none is shown.
	 */
	String error() {
		return this.browser.isShown(ERROR) ? this.browser.visible(ERROR).getText() : null;
	}

	/** The "You are signed out." note, or null when none is shown. */
	String signedOutNote() {
		return this.browser.isShown(SIGNED_OUT) ? this.browser.visible(SIGNED_OUT).getText() : null;
	}

}
