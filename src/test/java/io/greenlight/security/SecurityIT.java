package io.greenlight.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

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
 * login, who may deploy, who may complete which task, what a deployment may contain.
 */
@ServerIT
class SecurityIT {

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

		Http.Response login = this.http.get(null, "/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("Greenlight").contains("name=\"password\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/assets", "/engine-rest/deployment", "/engine-rest/engine", "/engine-rest/task",
			"/camunda/api/engine/engine/", "/camunda/api/admin/auth/user/default", "/actuator/metrics" })
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
				"/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + assetId);
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
	void aWrongPasswordSaysWhyTheAccountWaits() {
		// a user of its own: the lockout it triggers must not slow down other tests
		createUser("lockout-target", "right-password-123");
		BrowserSession browser = new BrowserSession(this.port);

		String location = browser.signIn("lockout-target", "wrong-password");
		String page = browser.get("/login?error").body();

		assertThat(location).endsWith("/login?error");
		assertThat(page).contains("Wrong user name or password").contains("can sign in again in");
		// the lock holds even for the right password until it expires
		browser.signIn("lockout-target", "right-password-123");
		assertThat(browser.get("/login?error").body()).contains("can sign in again in");
	}

	@Test
	void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
		BrowserSession browser = new BrowserSession(this.port);

		assertThat(browser.signIn("nobody-here", "whatever")).endsWith("/login?error");
		assertThat(browser.get("/login?error").body()).contains("Wrong user name or password.");
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

	private void createUser(String id, String password) {
		if (this.identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identityService.newUser(id);
		user.setPassword(password);
		this.identityService.saveUser(user);
	}

}
