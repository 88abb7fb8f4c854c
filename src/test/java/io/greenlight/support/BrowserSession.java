package io.greenlight.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in through Greenlight's login form as a browser would (session cookie, CSRF token
 * from the page) and keeps the session for later requests.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies;

	private final HttpClient client;

	private final String baseUrl;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public BrowserSession(int port) {
		this.cookies = new CookieManager();
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.baseUrl = "http://localhost:" + port;
	}

	private BrowserSession(BrowserSession browser, int port) {
		this.cookies = browser.cookies;
		this.client = browser.client;
		this.baseUrl = "http://localhost:" + port;
		this.headers.putAll(browser.headers);
	}

	/**
	 * The same browser, its cookies included, sending its next requests to another node
	 * of the same host, as a load balancer may.
	 */
	public BrowserSession via(int port) {
		return new BrowserSession(this, port);
	}

	/**
	 * Sends this header with every request from now on, as a reverse proxy in front of
	 * the server would add it ({@code X-Forwarded-For}).
	 */
	public BrowserSession header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Posts the login form.
	 * @return where the server redirects to afterwards
	 */
	public String signIn(String user, String password) {
		String page = get("/login").body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page: " + page);
		}
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		return response.headers().firstValue("Location").orElse("");
	}

	/**
	 * Signs out with the form of a page the user has open ({@code /board}): its CSRF
	 * token and {@code POST /logout}. @return where the server redirects to afterwards
	 */
	public String signOutFrom(String page) {
		Matcher csrf = CSRF.matcher(get(page).body());
		if (!csrf.find()) {
			throw new IllegalStateException("No sign-out form with a CSRF token on " + page);
		}
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)))));
		return response.headers().firstValue("Location").orElse("");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	public HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Posts with one header of the caller's, and the session's cookies. */
	public HttpResponse<String> post(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Posts JSON to the webapps' own API as Tasklist does: with the CSRF token Camunda's
	 * filter handed out in its cookie (fetched first if the session has none yet).
	 */
	public HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", String.valueOf(xsrfToken()))
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	// one token per session: requests sent at once wait for the first to fetch it (a
	// request with a wrong token ends the session)
	private synchronized String xsrfToken() {
		if (tokenCookie() == null) {
			get("/camunda/api/engine/engine/");
		}
		return tokenCookie();
	}

	/** The value of one of the session's cookies, or {@code null}. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private String tokenCookie() {
		return cookie("XSRF-TOKEN");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		this.headers.forEach(request::header);
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
