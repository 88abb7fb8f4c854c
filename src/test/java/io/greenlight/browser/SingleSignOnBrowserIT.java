package io.greenlight.browser;

import java.time.Duration;

import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single sign-on as a user sees it in a real browser: Greenlight's login page is the only
 * one, the Camunda webapps trust it, and "Log out" in a webapp really ends the session.
 */
@ServerIT
class SingleSignOnBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	SingleSignOnBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
	}

	@Test
	void tasklistAsksForGreenlightsSignInAndThenOpensWithoutASecondLogin() {
		Browser browser = this.browsers.open(this.port);

		// given a browser that has not signed in, when it opens Tasklist
		browser.go(Tasklist.PATH);

		// then Greenlight's sign-in page asks for the user name and password
		LoginPage login = new LoginPage(browser).await();
		assertThat(browser.path()).isEqualTo(LoginPage.PATH);
		assertThat(browser.driver().getTitle()).contains("Greenlight");

		// when reviewer1 signs in there
		login.signIn(Users.REVIEWER1, Users.PASSWORD);

		// then Tasklist opens for Riley Reviewer, with no Camunda login and no
		// end-of-life banner
		Tasklist tasklist = new Tasklist(browser).awaitLoaded();
		assertThat(browser.path()).startsWith(Tasklist.PATH);
		assertThat(tasklist.signedInUser()).isEqualTo("Riley Reviewer");
		assertThat(browser.isShown(Tasklist.CAMUNDA_LOGIN_FORM)).as("Camunda's own login form shown").isFalse();
		assertThat(browser.all(Tasklist.EOL_BANNER)).as("end-of-life banners on the page")
			.noneMatch(WebElement::isDisplayed);
		assertThat(browser.failedRequests()).as("requests of the page that failed").isEmpty();
	}

	@Test
	void cockpitOpensForASignedInAdministratorWithoutASecondLogin() {
		Browser browser = this.browsers.open(this.port);

		// given ops opens Cockpit and is sent to Greenlight's sign-in page
		browser.go("/camunda/app/cockpit/default/");
		new LoginPage(browser).signIn(Users.OPS, Users.PASSWORD);

		// then Cockpit itself opens its dashboard, signed in as Olivia Ops, without
		// Camunda's login form
		Tasklist.awaitUserMenu(browser, "Cockpit");
		browser.visible(By.xpath("//*[normalize-space()='Running Process Instances']"));
		assertThat(browser.path()).startsWith("/camunda/app/cockpit/default/");
		assertThat(browser.visible(Tasklist.USER_MENU).getText().trim()).isEqualTo("Olivia Ops");
		assertThat(browser.visible(By.cssSelector("[cam-widget-header] .brand-name")).getText()).contains("Cockpit");
		assertThat(browser.isShown(Tasklist.CAMUNDA_LOGIN_FORM)).as("Camunda's own login form shown").isFalse();
		assertThat(browser.all(Tasklist.EOL_BANNER)).as("end-of-life banners on the page")
			.noneMatch(WebElement::isDisplayed);
		assertThat(browser.failedRequests()).as("requests of the page that failed").isEmpty();
	}

	@Test
	void signOutFromTasklistEndsTheSession() {
		Browser browser = this.browsers.open(this.port);
		Tasklist tasklist = Tasklist.signIn(browser, Users.CREATIVE, Users.PASSWORD);
		String session = browser.sessionCookie();
		assertThat(session).as("session cookie after signing in").isNotNull();
		assertThat(withSessionCookie(session).status()).as("the session cookie signs in").isEqualTo(200);

		// when the user clicks "Log out" in Tasklist's user menu
		tasklist.logOut();

		// then Greenlight's sign-in page says so, not Camunda's login form
		LoginPage login = new LoginPage(browser).await();
		assertThat(browser.driver().getCurrentUrl()).endsWith(LoginPage.PATH + "?logout");
		assertThat(login.signedOutNote()).isEqualTo("You are signed out.");
		assertThat(browser.isShown(Tasklist.CAMUNDA_LOGIN_FORM)).isFalse();

		// and the old session no longer signs anybody in: not in the browser...
		browser.go(Tasklist.PATH);
		new LoginPage(browser).await();
		assertThat(browser.path()).isEqualTo(LoginPage.PATH);
		// ...nor for whoever still holds the old session cookie
		assertThat(withSessionCookie(session).status()).as("the old session cookie signs in").isEqualTo(401);
	}

	/**
	 * The webapps' "who is signed in" request, with nothing but the given session cookie.
	 */
	private Http.Response withSessionCookie(String session) {
		return this.http.send(this.http.request(null, "/camunda/api/admin/auth/user/default")
			.header("Cookie", "JSESSIONID=" + session));
	}

	@Test
	void wrongPasswordIsRefusedOnTheSignInPageAndThisBrowserWaitsAFewSeconds() {
		Browser browser = this.browsers.open(this.port);

		// when reviewer3 types a wrong password
		browser.go(Tasklist.PATH);
		LoginPage login = new LoginPage(browser);
		login.signIn(Users.REVIEWER3, "not-the-password");

		// then the sign-in page comes back with the one message for every failed sign-in:
		// wrong name or password, or too many attempts, and how long to wait
		login.await();
		assertThat(browser.driver().getCurrentUrl()).endsWith(LoginPage.PATH + "?error");
		assertThat(login.error())
			.matches("Wrong user name or password, or too many attempts: try again in \\d+ seconds?\\.");
		assertThat(browser.isShown(Tasklist.USER_MENU)).isFalse();

		// and once the wait has passed, the right password signs in
		await("reviewer3 signs in after the wait").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				if (browser.path().startsWith(Tasklist.PATH)) {
					return true;
				}
				login.signIn(Users.REVIEWER3, Users.PASSWORD);
				return browser.path().startsWith(Tasklist.PATH);
			});
		assertThat(new Tasklist(browser).awaitLoaded().signedInUser()).isEqualTo("Rowan Reviewer");
	}

}
