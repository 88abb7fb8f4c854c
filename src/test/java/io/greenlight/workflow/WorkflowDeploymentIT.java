package io.greenlight.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlight.support.BrowserSession;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ShippedWorkflows;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web modeler's server side over real HTTP, as a creative-ops lead who is not an
 * administrator (the engine's authorizations apply): the production workflow's files and
 * the routing table as deployed now; a check that applies exactly the deployment's rules
 * (the guard's, naming the element, and the engine's) and leaves nothing behind, not even
 * a version number; deploying an edited workflow with its forms, and a refused one that
 * deploys nothing; producers and reviewers refused, strangers asked to sign in, malformed
 * requests told what to fix.
 * <p>
 * A test that deploys deploys the shipped files again at its end, so the shared server's
 * other tests run on them.
 */
@ServerIT
class WorkflowDeploymentIT {

	// a creative-ops lead: may deploy, is not in camunda-admin
	private static final String LEAD = "modeler-lead";

	private static final String PRODUCTION = "CreativeProductionProcess";

	private static final String ROUTING = "ReviewRoutingDecision";

	private static final Path PRODUCTION_FILE = Path.of("processes", "CreativeProductionProcess.bpmn");

	// the forms CreativeProductionProcess binds to its own deployment
	private static final List<String> PRODUCTION_FORMS = List.of("ApproveBriefForm.form", "BriefForm.form",
			"ConfirmAnotherRoundForm.form", "ProduceVersionForm.form");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Http http;

	private final int port;

	private final JdbcClient jdbc;

	private final ProcessEngineConfigurationImpl engine;

	private final ManagementService managementService;

	@Autowired
	WorkflowDeploymentIT(@LocalServerPort int port, JdbcClient jdbc, ProcessEngineConfigurationImpl engine,
			ManagementService managementService) {
		this.http = new Http(port);
		this.port = port;
		this.jdbc = jdbc;
		this.engine = engine;
		this.managementService = managementService;
	}

	@BeforeEach
	void theLeadExists() {
		new CreativeOps(this.http).userInGroup(LEAD, "Wendy", "Modeler", "creative-ops");
	}

	@Test
	void theProductionWorkflowsSourceIsItsNewestVersionWithItsBpmnAndForms() throws IOException {
		JsonNode newest = workflow(PRODUCTION).at("/versions/0");

		Http.Response response = this.http.get(LEAD, "/api/workflows/" + PRODUCTION + "/source");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode source = response.json();
		assertThat(source.get("key").asText()).isEqualTo(PRODUCTION);
		assertThat(source.get("name").asText()).isEqualTo(workflow(PRODUCTION).get("name").asText());
		assertThat(source.get("version").asInt()).isEqualTo(newest.get("version").asInt());
		assertThat(source.get("processDefinitionId").asText()).isEqualTo(newest.get("definitionId").asText());
		assertThat(source.get("deploymentId").asText())
			.isEqualTo(this.http.get(LEAD, "/engine-rest/process-definition/" + newest.get("definitionId").asText())
				.json()
				.get("deploymentId")
				.asText());
		Map<String, JsonNode> files = byName(source.get("resources"));
		assertThat(files).containsKeys("CreativeProductionProcess.bpmn", "ApproveBriefForm.form", "BriefForm.form");
		assertThat(files.get("CreativeProductionProcess.bpmn").get("type").asText()).isEqualTo("bpmn");
		assertThat(files.get("CreativeProductionProcess.bpmn").get("content").asText()).startsWith("<?xml")
			.contains("<bpmn:process id=\"CreativeProductionProcess\"");
		assertThat(files.get("ApproveBriefForm.form").get("type").asText()).isEqualTo("form");
		assertThat(JSON.readTree(files.get("ApproveBriefForm.form").get("content").asText()).get("id").asText())
			.isEqualTo("ApproveBriefForm");
		// the process first, then decisions, then forms
		assertThat(source.at("/resources/0/type").asText()).isEqualTo("bpmn");
		assertThat(source.at("/resources/" + (source.get("resources").size() - 1) + "/type").asText())
			.isEqualTo("form");
	}

	@Test
	void theRoutingTablesSourceIsItsNewestVersion() {
		JsonNode newest = this.http.get(LEAD, "/engine-rest/decision-definition/key/" + ROUTING).json();

		Http.Response response = this.http.get(LEAD, "/api/decisions/" + ROUTING + "/source");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode source = response.json();
		assertThat(source.get("key").asText()).isEqualTo(ROUTING);
		assertThat(source.get("name").asText()).isEqualTo("Review routing");
		assertThat(source.get("version").asInt()).isEqualTo(newest.get("version").asInt());
		assertThat(source.get("decisionDefinitionId").asText()).isEqualTo(newest.get("id").asText());
		assertThat(source.get("deploymentId").asText()).isEqualTo(newest.get("deploymentId").asText());
		assertThat(source.get("resourceName").asText()).isEqualTo("ReviewRoutingDecision.dmn");
		assertThat(source.get("content").asText()).startsWith("<?xml")
			.contains("<dmn:decision id=\"ReviewRoutingDecision\"");
	}

	@Test
	void anUnknownWorkflowOrDecisionIsNotFound() {
		Http.Response workflow = this.http.get(LEAD, "/api/workflows/NoSuchProcess/source");
		Http.Response decision = this.http.get(LEAD, "/api/decisions/NoSuchDecision/source");

		assertThat(workflow.status()).as(workflow.body()).isEqualTo(404);
		assertThat(workflow.json().get("detail").asText())
			.isEqualTo("There is no workflow 'NoSuchProcess': GET /api/workflows lists the deployed ones.");
		assertThat(decision.status()).as(decision.body()).isEqualTo(404);
		assertThat(decision.json().get("detail").asText()).startsWith("There is no decision 'NoSuchDecision'");
	}

	@Test
	void theShippedFilesAreValidAndTheCheckDeploysNothing() throws IOException {
		Snapshot before = snapshot();

		Http.Response response = this.http.postJson(LEAD, "/api/workflows/validate", body(null, shippedFiles()));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("valid").asBoolean()).as(response.body()).isTrue();
		assertThat(response.json().get("problems")).isEmpty();
		assertThat(snapshot()).isEqualTo(before);
		assertNothingCachedWithoutItsDeployment();
	}

	@Test
	void aForbiddenExpressionIsAProblemOnItsElementAndTheNextDeploymentTakesTheNextVersion() throws IOException {
		// given the production workflow at version N, checked valid once
		int newest = workflow(PRODUCTION).at("/versions/0/version").asInt();
		Snapshot before = snapshot();
		Set<String> registered = this.managementService.getRegisteredDeployments();
		assertThat(validate(production(Files.readString(PRODUCTION_FILE))).get("valid").asBoolean()).isTrue();

		// when a service task's delegate expression reaches a server bean
		JsonNode check = validate(productionWith("camunda:delegateExpression=\"${registerBriefDelegate}\"",
				"camunda:delegateExpression=\"${jdbcTemplate.update('delete from ACT_ID_USER')}\""));

		// then the check names the task, its file and line, and why
		assertThat(check.get("valid").asBoolean()).as(check.toString()).isFalse();
		assertThat(check.get("problems")).hasSize(1);
		JsonNode problem = check.at("/problems/0");
		assertThat(problem.get("resource").asText()).isEqualTo("CreativeProductionProcess.bpmn");
		assertThat(problem.get("elementId").asText()).isEqualTo("ServiceTask_RegisterBrief");
		assertThat(problem.get("line").asInt()).isEqualTo(6);
		assertThat(problem.get("message").asText())
			.contains("serviceTask 'ServiceTask_RegisterBrief': the expression '${jdbcTemplate.update(")
			.contains("'jdbcTemplate' is a part of the server that processes may not use");

		// and neither check left a row, a cache entry or a version number behind
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.managementService.getRegisteredDeployments()).isEqualTo(registered);
		assertNothingCachedWithoutItsDeployment();
		try {
			Http.Response deployed = deploy(production(Files.readString(PRODUCTION_FILE)));
			assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
			assertThat(deployed.json().at("/processes/0/version").asInt()).isEqualTo(newest + 1);
		}
		finally {
			theShippedFilesAreTheNewestAgain();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ScriptTaskProcess.bpmn | ScriptTask_RunCommand | scriptTask 'ScriptTask_RunCommand': Script tasks are not allowed in Greenlight
					EngineInSequenceFlowConditionProcess.bpmn | SequenceFlow_UsersExist | 'processEngine' is not something processes may read on execution
					ReflectionInInputMappingProcess.bpmn | UserTask_Review | camunda:inputParameter 'shell' of userTask 'UserTask_Review': the expression
					TimerStartEventProcess.bpmn | TimerEventDefinition_AtDeploy | 'jdbcTemplate' is a part of the server
					JuelInputDecision.dmn | InputExpression_Stage | inputExpression 'InputExpression_Stage' uses the expression language 'juel'
					IframeForm.form | Iframe_Login | form component 'Iframe_Login' of type iframe is not allowed in Greenlight
					""")
	void whatTheGuardRefusesIsAProblemOnItsElement(String file, String elementId, String message) throws IOException {
		JsonNode check = validate(List.of(file(file, attack(file))));

		assertThat(check.get("valid").asBoolean()).as(check.toString()).isFalse();
		assertThat(check.at("/problems/0/resource").asText()).isEqualTo(file);
		assertThat(check.at("/problems/0/elementId").asText()).isEqualTo(elementId);
		assertThat(check.at("/problems/0/message").asText()).contains(message);
		if (file.endsWith(".bpmn")) {
			assertThat(check.at("/problems/0/line").asInt()).isPositive();
		}
	}

	@Test
	void aStageHandingItsOutcomeToAFieldReviewersSendIsRefusedAndReviewersStillDecide() throws IOException {
		// given a print campaign whose legal review would hand its outcome to "decision",
		// the field every reviewer's form sends: learnt as server-set, it would refuse
		// every decision
		String campaign = Files.readString(Path.of("processes", "PrintCampaignProcess.bpmn"))
			.replace("target=\"legalOutcome\"", "target=\"decision\"");

		// when a lead only checks it
		JsonNode check = validate(List.of(file("PrintCampaignProcess.bpmn", campaign),
				file("BriefForm.form", Files.readString(Path.of("forms", "BriefForm.form")))));

		// then it is a problem of that stage
		assertThat(check.get("valid").asBoolean()).isFalse();
		assertThat(check.get("problems")).anySatisfy(problem -> {
			assertThat(problem.get("elementId").asText()).isEqualTo("CallActivity_LegalReview");
			assertThat(problem.get("message").asText())
				.contains("the outcome variable 'decision' of a review stage must be a name ending in Outcome");
		});
		// and a reviewer still decides in Tasklist's way, sending "decision"
		ProductionDriver productions = new ProductionDriver(this.http);
		String assetId = productions.inInternalReview("Outcome check " + UUID.randomUUID().toString().substring(0, 6));
		productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
	}

	@Test
	void aWorkflowWithoutTheFormsItBindsIsAProblemOfItsFile() throws IOException {
		JsonNode check = validate(
				List.of(file(PRODUCTION_FILE.getFileName().toString(), Files.readString(PRODUCTION_FILE))));

		assertThat(check.get("valid").asBoolean()).isFalse();
		assertThat(check.get("problems")).hasSize(1);
		JsonNode problem = check.at("/problems/0");
		assertThat(problem.get("resource").asText()).isEqualTo("CreativeProductionProcess.bpmn");
		assertThat(problem.get("elementId").isNull()).isTrue();
		assertThat(problem.get("line").isNull()).isTrue();
		assertThat(problem.get("message").asText())
			.startsWith("CreativeProductionProcess.bpmn would not find what it binds to its own deployment: "
					+ "CreativeProductionProcess binds BriefForm to its own deployment")
			.contains("Deploy it together with ");
	}

	@Test
	void anEditedWorkflowDeployedWithItsFormsIsTheNextVersion() throws IOException {
		// given version N
		int newest = workflow(PRODUCTION).at("/versions/0/version").asInt();
		try {
			// when the lead renames a task and deploys the workflow with its forms
			Http.Response response = this.http.postJson(LEAD, "/api/workflows/deployments",
					body("Edited in the web modeler",
							productionWith("id=\"UserTask_ApproveBrief\" name=\"Approve brief\"",
									"id=\"UserTask_ApproveBrief\" name=\"Approve the brief\"")));

			// then it is version N+1, where the web modeler opens it
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			assertThat(response.raw().headers().firstValue("Location"))
				.hasValue("/api/workflows/" + PRODUCTION + "/source");
			JsonNode deployed = response.json();
			assertThat(deployed.get("deploymentId").asText()).isNotBlank();
			assertThat(deployed.get("processes")).hasSize(1);
			assertThat(deployed.at("/processes/0/key").asText()).isEqualTo(PRODUCTION);
			assertThat(deployed.at("/processes/0/version").asInt()).isEqualTo(newest + 1);
			assertThat(deployed.get("decisions")).isEmpty();
			assertThat(JSON.convertValue(deployed.get("forms"), List.class)).isEqualTo(PRODUCTION_FORMS);
			JsonNode workflow = workflow(PRODUCTION);
			assertThat(workflow.at("/versions/0/version").asInt()).isEqualTo(newest + 1);
			assertThat(workflow.at("/versions/0/definitionId").asText())
				.isEqualTo(deployed.at("/processes/0/id").asText());
			JsonNode source = this.http.get(LEAD, "/api/workflows/" + PRODUCTION + "/source").json();
			assertThat(source.get("deploymentId").asText()).isEqualTo(deployed.get("deploymentId").asText());
			assertThat(byName(source.get("resources")).keySet()).containsExactly("CreativeProductionProcess.bpmn",
					"ApproveBriefForm.form", "BriefForm.form", "ConfirmAnotherRoundForm.form",
					"ProduceVersionForm.form");
			assertThat(source.at("/resources/0/content").asText()).contains("name=\"Approve the brief\"");
			JsonNode engineDeployment = this.http
				.get(LEAD, "/engine-rest/deployment/" + deployed.get("deploymentId").asText())
				.json();
			assertThat(engineDeployment.get("name").asText()).isEqualTo("Edited in the web modeler");
			assertThat(engineDeployment.get("source").asText()).isEqualTo("greenlight-web-modeler");
		}
		finally {
			theShippedFilesAreTheNewestAgain();
		}
	}

	@Test
	void aRefusedDeploymentAnswersWithItsProblemsAndDeploysNothing() throws IOException {
		int newest = workflow(PRODUCTION).at("/versions/0/version").asInt();
		Snapshot before = snapshot();

		Http.Response response = deploy(productionWith("id=\"UserTask_ApproveBrief\" name=\"Approve brief\"",
				"id=\"UserTask_ApproveBrief\" name=\"${environment.getProperty('spring.datasource.password')}\""));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asText())
			.startsWith("The server refuses these files, so nothing was deployed: CreativeProductionProcess.bpmn: ")
			.contains("userTask 'UserTask_ApproveBrief': the expression '${environment.getProperty(");
		assertThat(problem.get("problems")).hasSize(1);
		assertThat(problem.at("/problems/0/resource").asText()).isEqualTo("CreativeProductionProcess.bpmn");
		assertThat(problem.at("/problems/0/elementId").asText()).isEqualTo("UserTask_ApproveBrief");
		assertThat(problem.at("/problems/0/line").asInt()).isEqualTo(7);
		assertThat(problem.at("/problems/0/message").asText())
			.contains("'environment' is a part of the server that processes may not use");
		assertThat(workflow(PRODUCTION).at("/versions/0/version").asInt()).isEqualTo(newest);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void producersAndReviewersMayNeitherReadNorCheckNorDeployWorkflows() throws IOException {
		String files = body("Not mine", production(Files.readString(PRODUCTION_FILE)));
		long deployments = snapshot().deployments();
		for (String user : List.of(Users.PRODUCER, Users.REVIEWER1)) {
			List<Http.Response> responses = List.of(this.http.get(user, "/api/workflows/" + PRODUCTION + "/source"),
					this.http.get(user, "/api/decisions/" + ROUTING + "/source"),
					this.http.postJson(user, "/api/workflows/validate", files),
					this.http.postJson(user, "/api/workflows/deployments", files));
			for (Http.Response response : responses) {
				assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(403);
				assertThat(response.json().get("detail").asText())
					.isEqualTo("Only creative-ops design and deploy workflows, so only they open them in the web "
							+ "modeler: ask one of them.");
			}
		}
		assertThat(snapshot().deployments()).isEqualTo(deployments);
	}

	@Test
	void strangersAreAskedToSignIn() {
		// no wrong password here: the throttle makes the test machine's address wait
		// after
		// enough of them, which SecurityIT measures (it covers wrong Basic credentials)
		List<Http.Response> responses = List.of(this.http.get(null, "/api/workflows/" + PRODUCTION + "/source"),
				this.http.get(null, "/api/decisions/" + ROUTING + "/source"));
		responses.forEach(response -> assertThat(response.status()).as(response.body()).isEqualTo(401));
		// without any credentials a POST is a browser's, refused for its missing CSRF
		// token before anything else, as every POST to /api is
		for (String path : List.of("/api/workflows/validate", "/api/workflows/deployments")) {
			Http.Response response = this.http.postJson(null, path, "{\"resources\": []}");
			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.json().get("detail").asText()).startsWith("This request needs the CSRF token");
		}
	}

	@Test
	void aSignedInPageMustSendItsCsrfToken() {
		BrowserSession page = new BrowserSession(this.port);
		page.signIn(LEAD, Users.PASSWORD);

		HttpResponse<String> response = page.post("/api/workflows/validate");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("CSRF token");
	}

	@Test
	void malformedRequestsAreToldWhatToFix() {
		assertMalformed("{}", "Send the files to check or deploy: "
				+ "{\"resources\": [{\"name\": \"MyProcess.bpmn\", \"content\": \"<?xml ...\"}]}.");
		assertMalformed("{\"resources\": []}", "Send the files to check or deploy: "
				+ "{\"resources\": [{\"name\": \"MyProcess.bpmn\", \"content\": \"<?xml ...\"}]}.");
		assertMalformed("{\"resources\": [{\"name\": \"notes.txt\", \"content\": \"hello\"}]}",
				"'notes.txt' is neither BPMN, DMN nor a form: name each file .bpmn, .dmn or .form.");
		assertMalformed(
				"{\"resources\": [{\"name\": \"A.bpmn\", \"content\": \"<a/>\"}, {\"name\": \"A.bpmn\", \"content\": \"<b/>\"}]}",
				"Two files are named 'A.bpmn': each file of a deployment needs its own name.");
		assertMalformed("{\"resources\": [{\"name\": \"processes/A.bpmn\", \"content\": \"<a/>\"}]}",
				"Name the file 'processes/A.bpmn' without a folder, such as MyProcess.bpmn.");
		assertMalformed("{\"resources\": [{\"name\": \"A.bpmn\"}]}", "'A.bpmn' has no content: send the file as text.");
		assertMalformed(
				"{\"resources\": [{\"name\": \"Big.bpmn\", \"content\": \"" + "x".repeat(2 * 1024 * 1024 + 1) + "\"}]}",
				"'Big.bpmn' is larger than the 2 MB a file may be: split it.");
		assertMalformed("{\"resources\": ", "The request body is not valid JSON for this call.");
	}

	private void assertMalformed(String body, String message) {
		for (String path : List.of("/api/workflows/validate", "/api/workflows/deployments")) {
			Http.Response response = this.http.postJson(LEAD, path, body);
			assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
			assertThat(response.json().get("detail").asText()).as(path).isEqualTo(message);
		}
	}

	// what a check must leave as it was: the engine's rows, and the next
	// version number
	private record Snapshot(long deployments, long definitions, long decisions, long jobs, int productionVersion) {
	}

	private Snapshot snapshot() {
		return new Snapshot(count("ACT_RE_DEPLOYMENT"), count("ACT_RE_PROCDEF"), count("ACT_RE_DECISION_DEF"),
				count("ACT_RU_JOB"),
				this.jdbc.sql("SELECT MAX(VERSION_) FROM ACT_RE_PROCDEF WHERE KEY_ = ?")
					.param(PRODUCTION)
					.query(Integer.class)
					.single());
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	// the engine's deployment cache outlives transactions: a checked deployment's
	// definitions must not stay in it
	private void assertNothingCachedWithoutItsDeployment() {
		Set<String> deployments = Set
			.copyOf(this.jdbc.sql("SELECT ID_ FROM ACT_RE_DEPLOYMENT").query(String.class).list());
		DeploymentCache cache = this.engine.getDeploymentCache();
		List<String> orphans = new ArrayList<>();
		for (String id : cache.getProcessDefinitionCache().keySet()) {
			var definition = cache.getProcessDefinitionCache().get(id);
			if (definition != null && !deployments.contains(definition.getDeploymentId())) {
				orphans.add(id);
			}
		}
		for (String id : cache.getDecisionDefinitionCache().keySet()) {
			var definition = cache.getDecisionDefinitionCache().get(id);
			if (definition != null && !deployments.contains(definition.getDeploymentId())) {
				orphans.add(id);
			}
		}
		Set<String> definitions = Set
			.copyOf(this.jdbc.sql("SELECT ID_ FROM ACT_RE_PROCDEF").query(String.class).list());
		cache.getBpmnModelInstanceCache()
			.keySet()
			.stream()
			.filter(id -> !definitions.contains(id))
			.forEach(orphans::add);
		assertThat(orphans).as("cached definitions of no deployment").isEmpty();
	}

	private JsonNode validate(List<ObjectNode> files) {
		Http.Response response = this.http.postJson(LEAD, "/api/workflows/validate", body(null, files));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Http.Response deploy(List<ObjectNode> files) {
		return this.http.postJson(LEAD, "/api/workflows/deployments", body("Edited in the web modeler", files));
	}

	private void theShippedFilesAreTheNewestAgain() throws IOException {
		Http.Response restored = this.http.postJson(LEAD, "/api/workflows/deployments",
				body("greenlight", shippedFiles()));
		assertThat(restored.status()).as(restored.body()).isEqualTo(201);
	}

	private static String body(String name, List<ObjectNode> files) {
		ObjectNode body = JSON.createObjectNode();
		if (name != null) {
			body.put("name", name);
		}
		ArrayNode resources = body.putArray("resources");
		files.forEach(resources::add);
		return body.toString();
	}

	// the production workflow, one attribute changed, with its forms
	private static List<ObjectNode> productionWith(String from, String to) throws IOException {
		String xml = Files.readString(PRODUCTION_FILE);
		assertThat(xml).containsOnlyOnce(from);
		return production(xml.replace(from, to));
	}

	private static List<ObjectNode> production(String edited) throws IOException {
		List<ObjectNode> files = new ArrayList<>();
		files.add(file(PRODUCTION_FILE.getFileName().toString(), edited));
		for (String form : PRODUCTION_FORMS) {
			files.add(file(form, Files.readString(Path.of("forms", form))));
		}
		return files;
	}

	// processes/ and forms/, as the server deploys them at start-up
	private static List<ObjectNode> shippedFiles() throws IOException {
		List<ObjectNode> files = new ArrayList<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> paths = Files.list(Path.of(folder))) {
				for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
					files.add(file(path.getFileName().toString(), Files.readString(path)));
				}
			}
		}
		return files;
	}

	private static ObjectNode file(String name, String content) {
		return JSON.createObjectNode().put("name", name).put("content", content);
	}

	private String attack(String file) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/attacks/" + file)) {
			assertThat(in).as(file).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private JsonNode workflow(String key) {
		return ShippedWorkflows.listed(this.http, LEAD, key);
	}

	private static Map<String, JsonNode> byName(JsonNode resources) {
		Map<String, JsonNode> files = new LinkedHashMap<>();
		resources.forEach(resource -> files.put(resource.get("name").asText(), resource));
		return files;
	}

}
