package io.greenlight.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenlight.support.BrowserSession;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sign-in in front of everything, checked over real HTTP: what is open, what needs a
 * login, who may deploy, who may complete which task, what a deployment may contain; the
 * one answer to every failed sign-in and the throttle without a proxy in front; security
 * headers; who reads the actuator. Behind a TLS proxy: BehindTlsProxyIT.
 * <p>
 * All requests here come from one address (127.0.0.1): the tests keep its wrong passwords
 * below the number after which the address itself waits.
 */
@ServerIT
class SecurityIT {

	/** The one answer to every failed sign-in. */
	static final String GENERIC_MESSAGE = "Wrong user name or password, or too many attempts: try again in \\d+ seconds?\\.";

	private static final Pattern LOGIN_ERROR = Pattern.compile("id=\"login-error\"[^>]*>([^<]*)<");

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	private final RepositoryService repositoryService;

	private final TaskService taskService;

	private final IdentityService identityService;

	@Autowired
	SecurityIT(@LocalServerPort int port, RepositoryService repositoryService, TaskService taskService,
			IdentityService identityService) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.repositoryService = repositoryService;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	@Test
	void healthAndTheLoginPageAreOpen() {
		Http.Response health = this.http.get(null, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
		assertThat(health.json().has("components")).isFalse();
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			Http.Response answer = this.http.get(null, probe);
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(answer.json().get("status").asText()).as(probe).isEqualTo("UP");
		}

		Http.Response login = this.http.get(null, "/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("Greenlight").contains("name=\"password\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/assets", "/engine-rest/deployment", "/engine-rest/engine", "/engine-rest/task",
			"/camunda/api/engine/engine/", "/camunda/api/admin/auth/user/default", "/actuator/metrics",
			"/actuator/prometheus", "/actuator/info", "/actuator/health/db" })
	void everythingElseAnswers401WithoutALogin(String path) {
		assertThat(this.http.get(null, path).status()).isEqualTo(401);
	}

	@Test
	void theApiSaysHowToSignIn() {
		Http.Response response = this.http.get(null, "/api/assets");

		assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Greenlight\"");
		assertThat(response.json().get("detail").asText()).contains("Sign in first");
	}

	@Test
	void theEngineApiRefusesQueriesThatDoNotPage() {
		Http.Response unbound = this.http.get(Users.OPS, "/engine-rest/task");
		Http.Response paged = this.http.get(Users.OPS, "/engine-rest/task?maxResults=50");

		assertThat(unbound.status()).isEqualTo(400);
		assertThat(unbound.json().get("message").asText()).contains("unbound number of results");
		assertThat(paged.status()).isEqualTo(200);
	}

	@Test
	void webappPagesSendTheBrowserToTheLoginPage() {
		Http.Response response = this.http.get(null, "/camunda/app/tasklist/default/");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.raw().headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void opsDeploysTheWayCamundaModelerDoes() throws IOException {
		// Camunda Modeler first checks the connection, then posts the deployment
		assertThat(this.http.get(Users.OPS, "/engine-rest/deployment?maxResults=0").status()).isEqualTo(200);

		Http.Response response = deploy(Users.OPS, "ModelerDeployedProcess.bpmn");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("deployedProcessDefinitions").toString()).contains("ModelerDeployedProcess");
		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("ModelerDeployedProcess")
			.count()).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { Users.REVIEWER1, Users.PRODUCER, Users.CLIENT })
	void onlyCreativeOpsMayDeploy(String user) throws IOException {
		long before = this.repositoryService.createDeploymentQuery().count();

		Http.Response response = deploy(user, "ModelerDeployedProcess.bpmn");

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("CREATE").contains("Deployment");
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void aReviewerCannotCompleteAProducersTask() {
		// given a brief waiting for a producer's approval
		String assetId = this.productions.start("Not yours to approve");
		String taskId = this.productions.awaitTask(Users.PRODUCER, assetId, "UserTask_ApproveBrief").get("id").asText();

		// when a reviewer tries to see and complete it
		Http.Response list = this.http.get(Users.REVIEWER1,
				"/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.productions.reference(assetId));
		Http.Response complete = this.productions.complete(Users.REVIEWER1, taskId,
				Map.of("briefDecision", "APPROVED"));

		// then the task is invisible and the completion refused; the task still waits for
		// the producer
		assertThat(list.json()).isEmpty();
		assertThat(complete.status()).as(complete.body()).isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isOne();
	}

	@Test
	void onlyProducersStartProductions() {
		Http.Response response = this.http.postJson(Users.REVIEWER1, "/api/productions", """
				{"title": "Sneaky", "projectCode": "ACME-SUMMER", "deliverableType": "VIDEO", "channel": "WEB",
				 "dueDate": "2030-01-31", "description": "Not allowed"}""");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("detail").asText()).contains("reviewer1").contains("CREATE");
	}

	@Test
	void everyFailedSignInGetsTheSameMessageWhateverTheReason() {
		createUser("same-answer", "right-password-123");
		BrowserSession browser = new BrowserSession(this.port);

		// a wrong password and an unknown user, each tried for the first time
		assertThat(browser.signIn("same-answer", "wrong-password")).endsWith("/login?error");
		String wrongPassword = loginError(browser);
		assertThat(browser.signIn("nobody-here", "whatever")).endsWith("/login?error");
		String unknownUser = loginError(browser);
		// the right password while this address still waits for the account
		browser.signIn("same-answer", "right-password-123");
		String waiting = loginError(browser);

		assertThat(wrongPassword).isEqualTo(unknownUser)
			.isEqualTo("Wrong user name or password, or too many attempts: try again in 1 second.");
		assertThat(waiting).matches(GENERIC_MESSAGE);
	}

	@Test
	void httpBasicGetsTheSameMessageWithRetryAfter() {
		createUser("basic-answer", "right-password-123");

		Http.Response api = basic("basic-answer", "wrong-password", "/api/assets");
		Http.Response engineRest = basic("nobody-at-all", "whatever", "/engine-rest/deployment?maxResults=1");

		assertThat(api.status()).isEqualTo(401);
		assertThat(api.json().get("detail").asText())
			.isEqualTo("Wrong user name or password, or too many attempts: try again in 1 second.");
		assertThat(api.raw().headers().firstValue("Retry-After")).hasValue("1");
		assertThat(api.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Greenlight\"");
		assertThat(engineRest.status()).isEqualTo(401);
		assertThat(engineRest.json().get("message").asText())
			.isEqualTo("Wrong user name or password, or too many attempts: try again in 1 second.");
		assertThat(engineRest.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Greenlight\"");
	}

	@Test
	void withoutAProxyASpoofedForwardedForDoesNotDodgeTheWait() {
		// given no proxy is configured (GREENLIGHT_FORWARD_HEADERS none, the default)
		createUser("spoof-target", "right-password-123");

		// when an attacker sends wrong passwords, each claiming another address
		for (int i = 1; i <= 5; i++) {
			Http.Response guess = this.http.send(basicRequest("spoof-target", "guess-" + i, "/api/assets")
				.header("X-Forwarded-For", "198.51.100." + i));
			assertThat(guess.status()).isEqualTo(401);
		}

		// then the connection's address waits: even the right password is not checked
		Http.Response right = this.http.send(basicRequest("spoof-target", "right-password-123", "/api/assets")
			.header("X-Forwarded-For", "198.51.100.99"));
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().get("detail").asText()).matches(GENERIC_MESSAGE);
	}

	@Test
	void theEnginesOwnPasswordCheckIsThrottledToo() {
		// Camunda's /identity/verify checks the password of any user the caller may read
		createUser("verify-target", "right-password-123");

		Http.Response wrong = this.http.postJson(Users.OPS, "/engine-rest/identity/verify", """
				{"username": "verify-target", "password": "wrong-password"}""");
		Http.Response right = this.http.postJson(Users.OPS, "/engine-rest/identity/verify", """
				{"username": "verify-target", "password": "right-password-123"}""");

		assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
		assertThat(wrong.json().get("authenticated").asBoolean()).isFalse();
		assertThat(right.json().get("authenticated").asBoolean()).as("checked while the address waits").isFalse();
	}

	@Test
	void theEnginesOwnLockoutNoLongerLocksAnAccount() {
		// the engine's count of wrong passwords, driven here from inside the server where
		// no throttle applies, once locked an account after ten
		createUser("engine-count", "right-password-123");
		for (int i = 0; i < 12; i++) {
			assertThat(this.identityService.checkPassword("engine-count", "wrong-" + i)).isFalse();
		}

		assertThat(this.identityService.checkPassword("engine-count", "right-password-123")).isTrue();
		assertThat(basic("engine-count", "right-password-123", "/api/notifications").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/prometheus",
			"/actuator/info", "/actuator/health/db" })
	void onlyCreativeOpsReadsTheActuator(String path) {
		Http.Response client = this.http.get(Users.CLIENT, path);
		Http.Response ops = this.http.get(Users.OPS, path);

		assertThat(client.status()).isEqualTo(403);
		assertThat(client.json().get("detail").asText()).contains("Only creative-ops and administrators");
		assertThat(ops.status()).as(ops.body()).isEqualTo(200);
	}

	@Test
	void healthDetailsAreForCreativeOpsAndTheProbesLeaveMailOut() {
		Http.Response client = this.http.get(Users.CLIENT, "/actuator/health");
		Http.Response ops = this.http.get(Users.OPS, "/actuator/health");
		Http.Response readiness = this.http.get(Users.OPS, "/actuator/health/readiness");
		Http.Response liveness = this.http.get(Users.OPS, "/actuator/health/liveness");

		assertThat(client.status()).isEqualTo(200);
		assertThat(client.json().has("components")).isFalse();
		assertThat(ops.json().get("components").has("db")).isTrue();
		assertThat(ops.json().at("/components/mail/status").asText()).isEqualTo("UP");
		assertThat(ops.json().at("/components/mail/details/server").asText()).contains("written to the log");
		assertThat(readiness.json().get("components").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("db", "readinessState");
		assertThat(liveness.json().get("components").fieldNames()).toIterable().containsExactly("livenessState");
	}

	@Test
	void prometheusScrapesTheTextFormat() {
		Http.Response scrape = this.http.get(Users.OPS, "/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge")
			.contains("http_server_requests_seconds_count");
	}

	@Test
	void greenlightsPagesAndApiSendAContentSecurityPolicyAndAReferrerPolicy() {
		Http.Response login = this.http.get(null, "/login");
		Http.Response api = this.http.get(Users.OPS, "/api/assets");
		Http.Response engineRest = this.http.get(Users.OPS, "/engine-rest/engine");

		assertThat(login.raw().headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(policy -> assertThat(policy).contains("default-src 'none'")
				.contains("style-src 'self'")
				.contains("form-action 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("script-src"));
		for (Http.Response json : new Http.Response[] { api, engineRest }) {
			assertThat(json.raw().headers().allValues("Content-Security-Policy")).singleElement()
				.isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
		}
		for (Http.Response response : new Http.Response[] { login, api, engineRest }) {
			assertThat(response.raw().headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		}
	}

	@Test
	void theWebappsKeepCamundasOwnContentSecurityPolicy() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(Users.REVIEWER1, Users.PASSWORD);

		HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");

		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(policy -> assertThat(policy).contains("script-src").contains("nonce-"));
	}

	@Test
	void withoutAProxyForwardedHeadersChangeNothingAndTheSessionCookieIsSameSiteLax() {
		Http.Response login = this.http.send(this.http.request(null, "/login").header("X-Forwarded-Proto", "https"));

		assertThat(login.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(login)).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void theWebappsLogOutEndsTheWholeSession() {
		// given a browser signed in through the login page
		BrowserSession browser = new BrowserSession(this.port);
		assertThat(browser.signIn(Users.PRODUCER, Users.PASSWORD)).endsWith("/camunda/app/tasklist/default/");
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(200);
		// opening Tasklist signs the user in to the webapps without a second login
		assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"producer\"");

		// when the webapp's "Log out" is used
		assertThat(browser.post("/camunda/api/admin/auth/user/default/logout").statusCode()).isEqualTo(200);

		// then neither the API nor the webapps know the user any more
		assertThat(browser.get("/api/assets").statusCode()).isEqualTo(401);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
		assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer x", "Basic cHJvZHVjZXI6d3Jvbmc=" /* producer:wrong */ })
	void aSessionRequestWithAnAuthorizationHeaderBasicDidNotAcceptNeedsTheCsrfToken(String authorization) {
		// given a producer signed in through the login page
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(Users.PRODUCER, Users.PASSWORD);

		// when a forged request rides on the session with an Authorization header of its
		// own and no CSRF token
		var response = browser.post("/api/notifications/read-all", "Authorization", authorization);

		// then it is refused as a browser request without its token
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("CSRF");
	}

	@Test
	void apiClientsSigningInWithHttpBasicNeedNoCsrfToken() {
		Http.Response response = this.http.postJson(Users.PRODUCER, "/api/notifications/read-all", "");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().has("marked")).isTrue();
	}

	private Http.Response deploy(String user, String file) throws IOException {
		byte[] bpmn;
		try (InputStream in = getClass().getResourceAsStream("/bpmn/" + file)) {
			bpmn = in.readAllBytes();
		}
		Multipart body = new Multipart().field("deployment-name", "from-modeler")
			.field("deployment-source", "Camunda Modeler")
			.field("enable-duplicate-filtering", "true")
			.file(file, file, bpmn);
		return this.http.post(user, "/engine-rest/deployment/create", body.contentType(), body.bytes());
	}

	private static String loginError(BrowserSession browser) {
		Matcher error = LOGIN_ERROR.matcher(browser.get("/login?error").body());
		assertThat(error.find()).as("an error on the login page").isTrue();
		return error.group(1).trim();
	}

	private Http.Response basic(String user, String password, String path) {
		return this.http.send(basicRequest(user, password, path));
	}

	private HttpRequest.Builder basicRequest(String user, String password, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(this.http.url(path))).header("Authorization", "Basic " + credentials);
	}

	private static String sessionCookie(Http.Response response) {
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.raw().headers().map()));
	}

	private void createUser(String id, String password) {
		if (this.identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identityService.newUser(id);
		user.setPassword(password);
		this.identityService.saveUser(user);
	}

}
