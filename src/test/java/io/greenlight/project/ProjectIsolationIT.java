package io.greenlight.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.BrowserSession;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's work stays with its project's people inside the engine too: engine REST
 * and the webapps' own API answer each user with their projects' process instances,
 * tasks, variables, history and decisions only, over real HTTP. Two projects, a
 * confidential brief in each: Acme's (the demo project) and Bolt's (made here).
 */
@ServerIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectIsolationIT {

	private static final String LEAD = "iso-lead";

	private static final String BOLT_PRODUCER = "iso-producer-b";

	private static final String BOLT_CLIENT = "iso-client-b";

	private static final String NO_PROJECT_PRODUCER = "iso-producer-none";

	private static final String BOLT_FREELANCER = "iso-freelancer-b";

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final JdbcClient jdbc;

	private final String marker = UUID.randomUUID().toString().substring(0, 8);

	private Production acme;

	private Production bolt;

	private String boltCode;

	private String boltProjectId;

	@Autowired
	ProjectIsolationIT(@LocalServerPort int port, IdentityService identityService,
			AuthorizationService authorizationService, JdbcClient jdbc) {
		this.authorizationService = authorizationService;
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	/**
	 * A production's ids (its asset, its process instance and those of its review stages)
	 * and the confidential text of its brief.
	 */
	record Production(String assetId, String reference, String processInstanceId, List<String> instanceIds,
			List<String> taskIds, String secret) {

		boolean isIn(String body) {
			return revealedIn(body) || this.instanceIds.stream().anyMatch(body::contains);
		}

		// the reference is the business key and ends each task's name (not followed by a
		// digit: ACME-SUMMER-0005 is not ACME-SUMMER-00051)
		boolean revealedIn(String body) {
			return body.contains(this.assetId) || body.contains(this.secret)
					|| Pattern.compile(Pattern.quote(this.reference) + "(?!\\d)").matcher(body).find();
		}

	}

	@BeforeAll
	void twoClientsWithAConfidentialBriefEach() {
		createUser(LEAD, "creative-ops");
		createUser(BOLT_PRODUCER, "producers");
		createUser(BOLT_CLIENT, "clients");
		createUser(NO_PROJECT_PRODUCER, "producers");
		createUser(BOLT_FREELANCER, "creatives");

		this.boltCode = "BOLT-" + this.marker.toUpperCase();
		String client = this.http.postJson(Users.OPS, "/api/clients", "{\"name\": \"Bolt " + this.marker + "\"}")
			.json()
			.get("id")
			.asText();
		String project = this.http
			.postJson(Users.OPS, "/api/projects",
					"{\"clientId\": \"%s\", \"code\": \"%s\", \"name\": \"Bolt launch\"}".formatted(client,
							this.boltCode))
			.json()
			.at("/project/id")
			.asText();
		this.boltProjectId = project;
		for (String[] member : new String[][] { { BOLT_PRODUCER, "PRODUCER" }, { Users.CREATIVE, "CREATIVE" },
				{ Users.REVIEWER3, "REVIEWER" }, { BOLT_CLIENT, "CLIENT_REVIEWER" },
				{ BOLT_FREELANCER, "FREELANCER" } }) {
			Http.Response added = this.http.postJson(Users.OPS, "/api/projects/" + project + "/members",
					"{\"userId\": \"%s\", \"role\": \"%s\"}".formatted(member[0], member[1]));
			assertThat(added.status()).as(added.body()).isEqualTo(201);
		}

		this.acme = start(Users.PRODUCER, "ACME-SUMMER", "merger teaser " + this.marker);
		this.bolt = start(BOLT_PRODUCER, this.boltCode, "budget 250k " + this.marker);
		// Acme's production reaches internal review: tasks, a routing decision, more
		// history
		this.productions.claimAndComplete(Users.PRODUCER, this.acme.assetId(), "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, this.acme.assetId(), "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER1, this.acme.assetId(), "UserTask_ReviewAsset");
		// ...and so does Bolt's
		this.productions.claimAndComplete(BOLT_PRODUCER, this.bolt.assetId(), "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, this.bolt.assetId(), "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER3, this.bolt.assetId(), "UserTask_ReviewAsset");
		this.acme = withInstances(this.acme);
		this.bolt = withInstances(this.bolt);
	}

	static Stream<String> engineReads() {
		return Stream.of("/process-instance?maxResults=500", "/history/process-instance?maxResults=500",
				"/task?maxResults=500", "/history/task?maxResults=500", "/variable-instance?maxResults=2000",
				"/history/variable-instance?maxResults=2000", "/history/detail?maxResults=2000",
				"/history/activity-instance?maxResults=2000", "/execution?maxResults=500",
				"/history/decision-instance?maxResults=500&includeInputs=true", "/job?maxResults=500",
				"/history/job-log?maxResults=2000", "/history/identity-link-log?maxResults=2000");
	}

	static Stream<Arguments> whoSeesWhat() {
		List<Arguments> rows = new ArrayList<>();
		engineReads().forEach(path -> {
			// user, path, sees Acme's, sees Bolt's; null where nothing is asserted (a
			// reviewer
			// sees the tasks assigned to them, a client reviewer theirs once a stage asks
			// them)
			rows.add(Arguments.of(LEAD, path, true, true));
			rows.add(Arguments.of(Users.PRODUCER, path, true, false));
			rows.add(Arguments.of(BOLT_PRODUCER, path, false, true));
			rows.add(Arguments.of(NO_PROJECT_PRODUCER, path, false, false));
			rows.add(Arguments.of(Users.REVIEWER1, path, null, false));
			rows.add(Arguments.of(Users.CLIENT, path, null, false));
			rows.add(Arguments.of(BOLT_CLIENT, path, false, null));
			rows.add(Arguments.of(BOLT_FREELANCER, path, false, null));
		});
		return rows.stream();
	}

	// who the users of the table are, in docs/access.md
	private static final Map<String, String> ROLES = Map.of(LEAD, "creative-ops lead", Users.PRODUCER,
			"producer of Acme", BOLT_PRODUCER, "producer of Bolt", NO_PROJECT_PRODUCER, "producer on no project",
			Users.REVIEWER1, "reviewer of Acme", Users.CLIENT, "client reviewer of Acme", BOLT_CLIENT,
			"client reviewer of Bolt", BOLT_FREELANCER, "freelancer of Bolt");

	private static final List<String> ROLE_ORDER = List.of(LEAD, Users.PRODUCER, BOLT_PRODUCER, NO_PROJECT_PRODUCER,
			Users.REVIEWER1, Users.CLIENT, BOLT_CLIENT, BOLT_FREELANCER);

	@Test
	void theAccessDocumentShowsWhatThisTestChecks() throws Exception {
		String document = Files.readString(Path.of("docs", "access.md"));
		String table = document.substring(document.indexOf("| GET /engine-rest"),
				document.indexOf("\n\n", document.indexOf("| GET /engine-rest")) + 1);

		assertThat(table).isEqualTo(matrix());
	}

	// the table of whoSeesWhat() in Markdown: one row per request, one column per user
	static String matrix() {
		StringBuilder table = new StringBuilder("| GET /engine-rest");
		ROLE_ORDER.forEach(user -> table.append(" | ").append(ROLES.get(user)));
		table.append(" |\n|---").append("|---".repeat(ROLE_ORDER.size())).append("|\n");
		engineReads().forEach(path -> {
			table.append("| `").append(path.substring(0, path.indexOf('?'))).append('`');
			whoSeesWhat().map(Arguments::get).filter(row -> row[1].equals(path)).forEach(row -> {
				table.append(" | ").append(cell((Boolean) row[2], (Boolean) row[3]));
			});
			table.append(" |\n");
		});
		return table.toString();
	}

	private static String cell(Boolean seesAcme, Boolean seesBolt) {
		if (seesAcme == null) {
			return "nothing of Bolt; of Acme, at most their own tasks";
		}
		if (seesBolt == null) {
			return "nothing of Acme; of Bolt, at most their own tasks";
		}
		return (seesAcme && seesBolt) ? "Acme's and Bolt's"
				: seesAcme ? "Acme's only" : seesBolt ? "Bolt's only" : "nothing";
	}

	@ParameterizedTest(name = "{0} GET /engine-rest{1}: Acme {2}, Bolt {3}")
	@MethodSource("whoSeesWhat")
	void engineRestShowsEachUserTheirProjectsOnly(String user, String path, Boolean seesAcme, Boolean seesBolt) {
		String acmes = read(user, narrowed(path, this.acme));
		String bolts = read(user, narrowed(path, this.bolt));

		assertVisibility(acmes, seesAcme, this.acme, null, this.bolt);
		assertVisibility(bolts, null, this.acme, seesBolt, this.bolt);
	}

	// The shared test server holds every other test's productions too: a list cut at
	// maxResults need not hold these two. Each read asks for one production's
	// instances (or tasks) only; whether the user gets them is the question.
	private static List<String> narrowed(String path, Production production) {
		String ids = String.join(",", production.instanceIds());
		if (path.startsWith("/process-instance?") || path.startsWith("/history/process-instance?")
				|| path.startsWith("/job?")) {
			return List.of(path + "&processInstanceIds=" + ids);
		}
		if (path.startsWith("/task?") || path.startsWith("/variable-instance?")
				|| path.startsWith("/history/variable-instance?") || path.startsWith("/history/detail?")) {
			return List.of(path + "&processInstanceIdIn=" + ids);
		}
		if (path.startsWith("/history/identity-link-log?")) {
			return production.taskIds().stream().map(task -> path + "&taskId=" + task).toList();
		}
		return production.instanceIds().stream().map(id -> path + "&processInstanceId=" + id).toList();
	}

	private String read(String user, List<String> paths) {
		StringBuilder bodies = new StringBuilder();
		for (String path : paths) {
			Http.Response response = this.http.get(user, "/engine-rest" + path);
			assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
			bodies.append(response.body());
		}
		return bodies.toString();
	}

	@ParameterizedTest(name = "{0} reads the variables of the other client's production")
	@MethodSource("outsidersOfAcme")
	void anotherProjectsVariablesAreRefused(String user) {
		Http.Response variables = this.http.get(user,
				"/engine-rest/process-instance/" + this.acme.processInstanceId() + "/variables");
		Http.Response instance = this.http.get(user, "/engine-rest/process-instance/" + this.acme.processInstanceId());

		assertThat(variables.status()).as(variables.body()).isEqualTo(403);
		assertThat(variables.json().get("message").asText()).contains("belongs to a project you are not a member of");
		assertThat(this.acme.revealedIn(variables.body())).isFalse();
		assertThat(instance.status()).isEqualTo(404);
	}

	static Stream<String> outsidersOfAcme() {
		return Stream.of(BOLT_PRODUCER, NO_PROJECT_PRODUCER, BOLT_CLIENT);
	}

	@Test
	void cockpitAndTasklistShowTheSameAsTheRestApi() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(BOLT_PRODUCER, Users.PASSWORD);

		String history = browser.get("/camunda/api/engine/engine/default/history/detail?maxResults=2000").body();
		String instances = browser.get("/camunda/api/engine/engine/default/history/process-instance?maxResults=500")
			.body();

		// Cockpit's own list of a process definition's running instances
		String definition = this.jdbc.sql("SELECT PROC_DEF_ID_ FROM ACT_HI_PROCINST WHERE ID_ = ?")
			.param(this.acme.processInstanceId())
			.query(String.class)
			.single();
		String cockpitList = browser
			.postJson("/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50",
					"{\"processDefinitionId\": \"" + definition + "\"}")
			.body();

		assertVisibility(history, false, true);
		assertVisibility(instances, false, true);
		assertVisibility(cockpitList, false, true);
	}

	@Test
	void joiningAndLeavingAProjectTakesEffectAtOnce() {
		String acmeProject = this.jdbc.sql("SELECT id FROM project WHERE code = 'ACME-SUMMER'")
			.query(String.class)
			.single();
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(NO_PROJECT_PRODUCER, Users.PASSWORD);
		String acmesHistory = "/history/detail?maxResults=2000&processInstanceIdIn="
				+ String.join(",", this.acme.instanceIds());
		String historyInCockpit = "/camunda/api/engine/engine/default" + acmesHistory;
		assertThat(this.acme.isIn(browser.get(historyInCockpit).body())).isFalse();

		// when Acme's producer adds them to the project
		Http.Response added = this.http.postJson(Users.PRODUCER, "/api/projects/" + acmeProject + "/members",
				"{\"userId\": \"%s\", \"role\": \"PRODUCER\"}".formatted(NO_PROJECT_PRODUCER));
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		// then their very next requests show Acme's production, in REST and in Cockpit
		assertThat(this.acme.isIn(this.http.get(NO_PROJECT_PRODUCER, "/engine-rest" + acmesHistory).body())).isTrue();
		assertThat(this.acme.isIn(browser.get(historyInCockpit).body())).isTrue();

		// and when they are removed again, it is gone as fast
		Http.Response removed = this.http
			.send(this.http
				.request(Users.PRODUCER,
						"/api/projects/" + acmeProject + "/members/" + NO_PROJECT_PRODUCER + "?role=PRODUCER")
				.DELETE());
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(this.acme.isIn(this.http.get(NO_PROJECT_PRODUCER, "/engine-rest" + acmesHistory).body())).isFalse();
		assertThat(this.acme.isIn(browser.get(historyInCockpit).body())).isFalse();
	}

	@Test
	void nobodyStartsWorkInAProjectTheyAreNotOn() {
		long assets = this.jdbc.sql("SELECT COUNT(*) FROM asset").query(Long.class).single();

		Http.Response started = this.http.postJson(BOLT_PRODUCER,
				"/engine-rest/process-definition/key/CreativeProductionProcess/start", """
						{"variables": {"briefTitle": {"value": "Sneaky"}, "projectCode": {"value": "ACME-SUMMER"},
						 "deliverableType": {"value": "VIDEO"}, "channel": {"value": "WEB"},
						 "dueDate": {"value": "2030-01-31"}, "briefDescription": {"value": "not mine"}}}""");

		assertThat(started.status()).as(started.body()).isEqualTo(403);
		assertThat(started.json().get("message").asText())
			.contains("No project with code 'ACME-SUMMER' among your projects");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM asset").query(Long.class).single()).isEqualTo(assets);
	}

	static Stream<Arguments> writesOnAnotherProjectsTask() {
		List<Arguments> rows = new ArrayList<>();
		for (String outsider : List.of(BOLT_PRODUCER, NO_PROJECT_PRODUCER, BOLT_CLIENT)) {
			rows.add(Arguments.of(outsider, "POST", "/claim", "{\"userId\": \"" + outsider + "\"}"));
			rows.add(Arguments.of(outsider, "POST", "/assignee", "{\"userId\": \"" + outsider + "\"}"));
			rows.add(Arguments.of(outsider, "POST", "/complete",
					"{\"variables\": {\"decision\": {\"value\": \"APPROVED\"}}}"));
			rows.add(Arguments.of(outsider, "PUT", "/localVariables/note", "{\"value\": \"mine now\"}"));
			rows.add(Arguments.of(outsider, "POST", "/comment/create", "{\"message\": \"mine now\"}"));
		}
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} {1} /engine-rest/task/(Acme's review){2}")
	@MethodSource("writesOnAnotherProjectsTask")
	void nobodyOutsideAProjectChangesItsTasks(String user, String method, String action, String body) {
		String review = this.productions.awaitTask(Users.REVIEWER1, this.acme.assetId(), "UserTask_ReviewAsset")
			.get("id")
			.asText();

		Http.Response response = this.http.send(this.http.request(user, "/engine-rest/task/" + review + action)
			.header("Content-Type", "application/json")
			.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));

		// 403 or 404; Camunda answers a comment on a task it cannot find with 400 "No
		// task
		// found": the task stays hidden either way
		assertThat(response.status()).as(response.body()).isIn(400, 403, 404);
		JsonNode task = this.http.get(Users.OPS, "/engine-rest/task/" + review).json();
		assertThat(task.get("assignee").asText()).isEqualTo(Users.REVIEWER1);
		assertThat(this.http.get(Users.OPS, "/engine-rest/task/" + review + "/localVariables").body())
			.doesNotContain("mine now");
		assertThat(this.http.get(Users.OPS, "/engine-rest/task/" + review + "/comment").body())
			.doesNotContain("mine now");
	}

	@Test
	void aTaskOfAnotherProjectCannotBeTakenEvenWhenFoundById() {
		String review = this.productions.awaitTask(Users.REVIEWER1, this.acme.assetId(), "UserTask_ReviewAsset")
			.get("id")
			.asText();

		Http.Response claimed = this.http.postJson(BOLT_PRODUCER, "/engine-rest/task/" + review + "/claim",
				"{\"userId\": \"" + BOLT_PRODUCER + "\"}");

		assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
	}

	@Test
	void aWorkflowDeployedFromTheModelerAndStartedForAProjectIsThatProjectsToo() throws Exception {
		byte[] bpmn;
		try (var in = getClass().getResourceAsStream("/bpmn/ModelerDeployedProcess.bpmn")) {
			bpmn = in.readAllBytes();
		}
		Multipart deployment = new Multipart().field("deployment-name", "from-modeler")
			.field("enable-duplicate-filtering", "true")
			.file("ModelerDeployedProcess.bpmn", "ModelerDeployedProcess.bpmn", bpmn);
		assertThat(this.http.post(LEAD, "/engine-rest/deployment/create", deployment.contentType(), deployment.bytes())
			.status()).isEqualTo(200);

		Http.Response started = this.http.postJson(LEAD,
				"/engine-rest/process-definition/key/ModelerDeployedProcess/start",
				"{\"variables\": {\"projectCode\": {\"value\": \"%s\"}}}".formatted(this.boltCode));

		assertThat(started.status()).as(started.body()).isEqualTo(200);
		assertThat(started.json().get("tenantId").asText()).isEqualTo(this.boltProjectId);
		// producers everywhere may read this workflow's instances: the project still
		// decides
		grantProducersRead("ModelerDeployedProcess");
		String instance = "/engine-rest/process-instance/" + started.json().get("id").asText();
		assertThat(this.http.get(BOLT_PRODUCER, instance).status()).isEqualTo(200);
		assertThat(this.http.get(Users.PRODUCER, instance).status()).isEqualTo(404);
	}

	private static void assertVisibility(String body, Boolean seesAcme, Production acme, Boolean seesBolt,
			Production bolt) {
		if (seesAcme != null) {
			assertThat(acme.isIn(body)).as("sees Acme's production").isEqualTo(seesAcme);
		}
		if (seesBolt != null) {
			assertThat(bolt.isIn(body)).as("sees Bolt's production").isEqualTo(seesBolt);
		}
	}

	private void assertVisibility(String body, Boolean seesAcme, Boolean seesBolt) {
		assertVisibility(body, seesAcme, this.acme, seesBolt, this.bolt);
	}

	private Production start(String producer, String projectCode, String secret) {
		Http.Response response = this.http.postJson(producer, "/api/productions", """
				{"title": "Confidential %s", "projectCode": "%s", "deliverableType": "VIDEO", "channel": "WEB",
				 "dueDate": "2030-01-31", "description": "%s"}""".formatted(this.marker, projectCode, secret));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String assetId = response.json().get("assetId").asText();
		List<String> asset = this.jdbc.sql("SELECT process_instance_id, reference FROM asset WHERE id = ?")
			.param(assetId)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
		return new Production(assetId, asset.get(1), asset.get(0), List.of(asset.get(0)), List.of(), secret);
	}

	// the production's own instance and its called review stages (same business key)
	private Production withInstances(Production production) {
		List<String> ids = this.jdbc.sql("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?")
			.param(production.reference())
			.query(String.class)
			.list();
		List<String> tasks = this.jdbc
			.sql("SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ IN ("
					+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
			.params(new ArrayList<Object>(ids))
			.query(String.class)
			.list();
		return new Production(production.assetId(), production.reference(), production.processInstanceId(), ids, tasks,
				production.secret());
	}

	private void grantProducersRead(String processDefinitionKey) {
		Authorization grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId("producers");
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(processDefinitionKey);
		grant.addPermission(Permissions.READ);
		grant.addPermission(Permissions.READ_INSTANCE);
		this.authorizationService.saveAuthorization(grant);
	}

	private void createUser(String id, String group) {
		if (this.identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identityService.newUser(id);
		user.setPassword(Users.PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(id, group);
	}

}
