package io.greenlight.security.variables;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.support.BrowserSession;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Forgery over real HTTP: a caller writes a variable only the server sets, on every route
 * that takes variables. Each attempt is refused with 403 and a message naming the
 * variable, and nothing changes: no production starts, the review task stays open with
 * its variables as they were, neither asset nor their decisions change. The forged values
 * point at another client's asset and version, at another stage and another reviewer.
 */
@ServerIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSetVariablesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The trusted fields of the issue, one per kind: who, asset, version, stage,
	 * reviewer.
	 */
	private static final List<String> TRUSTED_FIELDS = List.of("initiator", "assetId", "assetVersionId",
			"productionStage", "reviewer");

	private final Http http;

	private final ProductionDriver productions;

	private final int port;

	private OtherClient bolt;

	private String assetId;

	private String taskId;

	private String stageId;

	private String executionId;

	private String acmeProjectId;

	private BrowserSession reviewerInTasklist;

	private BrowserSession producerInTasklist;

	ServerSetVariablesIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@BeforeAll
	void reviewer1HasAnOpenReviewAndAnotherClientHasAVersion() {
		this.bolt = OtherClient.setUp(this.http, this.productions);
		this.assetId = this.productions
			.inInternalReview("Forgery target " + UUID.randomUUID().toString().substring(0, 8));
		JsonNode task = this.productions.awaitTask(Users.REVIEWER1, this.assetId, "UserTask_ReviewAsset");
		this.taskId = task.get("id").asText();
		this.stageId = task.get("processInstanceId").asText();
		this.executionId = task.get("executionId").asText();
		this.acmeProjectId = this.http.get(Users.PRODUCER, "/api/assets/" + this.assetId)
			.json()
			.at("/asset/projectId")
			.asText();
		this.reviewerInTasklist = signedIn(Users.REVIEWER1);
		this.producerInTasklist = signedIn(Users.PRODUCER);
	}

	enum Route {

		/** Engine REST: start a production with the variable among the brief's. */
		START,
		/** Engine REST: write the review task's local variable. */
		LOCAL_VARIABLES,
		/** Engine REST: write the stage's process variable, as creative-ops. */
		PROCESS_VARIABLES,
		/** Tasklist's own API: submit the review form with the variable added. */
		FORM_SUBMIT,
		/** Engine REST: complete the review task with the variable added. */
		COMPLETE_WITH_VARIABLES

	}

	Stream<Arguments> trustedFieldsOnEveryRoute() {
		return TRUSTED_FIELDS.stream()
			.flatMap(field -> Stream.of(Route.values()).map(route -> arguments(field, route)));
	}

	@ParameterizedTest(name = "{0} through {1}")
	@MethodSource("trustedFieldsOnEveryRoute")
	void aTrustedFieldSentByACallerIsRefusedAndChangesNothing(String field, Route route) {
		// given everything as it is
		State before = state();
		String title = "Forged brief " + UUID.randomUUID();

		// when a caller sends the field with a forged value
		Response response = switch (route) {
			case START -> Response.of(this.http.postJson(Users.PRODUCER,
					"/engine-rest/process-definition/key/CreativeProductionProcess/start",
					"{\"variables\": " + briefWith(title, field, forged(field)) + "}"));
			case LOCAL_VARIABLES -> Response.of(put(Users.REVIEWER1,
					"/engine-rest/task/" + this.taskId + "/localVariables/" + field, value(forged(field))));
			case PROCESS_VARIABLES -> Response.of(put(Users.OPS,
					"/engine-rest/process-instance/" + this.stageId + "/variables/" + field, value(forged(field))));
			case FORM_SUBMIT -> Response.of(this.reviewerInTasklist.postJson(
					"/camunda/api/engine/engine/default/task/" + this.taskId + "/submit-form",
					"{\"variables\": " + approvalWith(field, forged(field)) + "}"));
			case COMPLETE_WITH_VARIABLES ->
				Response.of(this.http.postJson(Users.REVIEWER1, "/engine-rest/task/" + this.taskId + "/complete",
						"{\"variables\": " + approvalWith(field, forged(field)) + "}"));
		};

		// then it is refused, naming the variable, and nothing changed
		assertRefused(response, field);
		assertThat(state()).isEqualTo(before);
		assertThat(productionTitles()).doesNotContain(title);
	}

	Stream<Arguments> everyOtherRouteThatTakesVariables() {
		String version = value(this.bolt.versionId());
		String variables = "{\"assetVersionId\": " + version + "}";
		String approval = "{\"variables\": " + approvalWith("assetVersionId", this.bolt.versionId()) + "}";
		String task = "/engine-rest/task/" + this.taskId;
		String instance = "/engine-rest/process-instance/" + this.stageId;
		String execution = "/engine-rest/execution/" + this.executionId;
		String tasklist = "/camunda/api/engine/engine/default";
		return Stream.of(
				route("task local variables, modified",
						() -> post(Users.REVIEWER1, task + "/localVariables",
								"{\"modifications\": " + variables + "}")),
				route("task local variables, deleted",
						() -> post(Users.REVIEWER1, task + "/localVariables", "{\"deletions\": [\"assetVersionId\"]}")),
				route("task local variable, deleted",
						() -> delete(Users.REVIEWER1, task + "/localVariables/assetVersionId")),
				route("task variable (lands on the process)",
						() -> put(Users.REVIEWER1, task + "/variables/assetVersionId", version)),
				route("task variables, modified",
						() -> post(Users.REVIEWER1, task + "/variables", "{\"modifications\": " + variables + "}")),
				route("task resolved with variables",
						() -> post(Users.REVIEWER1, task + "/resolve", "{\"variables\": " + variables + "}")),
				route("task BPMN error with variables",
						() -> post(Users.REVIEWER1, task + "/bpmnError",
								"{\"errorCode\": \"Err_Any\", \"variables\": " + variables + "}")),
				route("task escalation with variables",
						() -> post(Users.REVIEWER1, task + "/bpmnEscalation",
								"{\"escalationCode\": \"Esc_Any\", \"variables\": " + variables + "}")),
				route("task form submitted", () -> post(Users.REVIEWER1, task + "/submit-form", approval)),
				route("Tasklist: task completed",
						() -> this.reviewerInTasklist.postJson(tasklist + "/task/" + this.taskId + "/complete",
								approval)),
				route("process variables, modified",
						() -> post(Users.OPS, instance + "/variables", "{\"modifications\": " + variables + "}")),
				route("process variable, deleted", () -> delete(Users.OPS, instance + "/variables/assetVersionId")),
				route("process variables of many instances, later",
						() -> post(Users.OPS, "/engine-rest/process-instance/variables-async",
								"{\"processInstanceIds\": [\"" + this.stageId + "\"], \"variables\": " + variables
										+ "}")),
				route("execution local variables, modified",
						() -> post(Users.OPS, execution + "/localVariables", "{\"modifications\": " + variables + "}")),
				route("execution local variable",
						() -> put(Users.OPS, execution + "/localVariables/assetVersionId", version)),
				route("execution signalled with variables",
						() -> post(Users.OPS, execution + "/signal", "{\"variables\": " + variables + "}")),
				route("process instance modified with variables",
						() -> post(Users.OPS, instance + "/modification",
								"{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": "
										+ "\"UserTask_ReviewAsset\", \"variables\": {\"assetVersionId\": {\"value\": \""
										+ this.bolt.versionId() + "\", \"local\": true}}}]}")),
				route("message with a payload",
						() -> post(Users.OPS, "/engine-rest/message",
								"{\"messageName\": \"Msg_Anything\", \"processVariables\": " + variables + "}")),
				route("signal with a payload",
						() -> post(Users.OPS, "/engine-rest/signal",
								"{\"name\": \"Sig_Anything\", \"variables\": " + variables + "}")),
				route("start condition with variables",
						() -> post(Users.OPS, "/engine-rest/condition", "{\"variables\": " + variables + "}")),
				route("start form submitted", () -> post(Users.PRODUCER,
						"/engine-rest/process-definition/key/CreativeProductionProcess/submit-form",
						"{\"variables\": " + briefWith("Forged start form", "assetVersionId", this.bolt.versionId())
								+ "}")),
				route("Tasklist: start form submitted", () -> this.producerInTasklist.postJson(
						tasklist + "/process-definition/key/CreativeProductionProcess/submit-form",
						"{\"variables\": " + briefWith("Forged in Tasklist", "assetVersionId", this.bolt.versionId())
								+ "}")),
				route("external task completed", () -> post(Users.OPS, "/engine-rest/external-task/anything/complete",
						"{\"workerId\": \"w\", \"variables\": " + variables + "}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyOtherRouteThatTakesVariables")
	void everyOtherRouteRefusesAServerSetVariableAndChangesNothing(String route, Supplier<Object> send) {
		State before = state();

		Response response = Response.of(send.get());

		assertRefused(response, "assetVersionId");
		assertThat(state()).isEqualTo(before);
	}

	// the forged value: another client's asset and version, another stage, another
	// person
	private String forged(String field) {
		return switch (field) {
			case "initiator" -> Users.OPS;
			case "assetId" -> this.bolt.assetId();
			case "assetVersionId" -> this.bolt.versionId();
			case "productionStage" -> "CLIENT_REVIEW";
			case "reviewer" -> Users.REVIEWER3;
			default -> throw new IllegalArgumentException(field);
		};
	}

	private static void assertRefused(Response response, String variable) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.json().get("message").asText()).contains("'" + variable + "'")
			.contains("set by Greenlight, never by a caller");
	}

	/**
	 * What a forgery could have changed: the review task (open, its variables), the
	 * stage's variables, both assets with their versions and decisions, the number of
	 * productions.
	 */
	private State state() {
		return new State(this.http.get(Users.REVIEWER1, "/engine-rest/task/" + this.taskId).status(),
				this.http.get(Users.REVIEWER1, "/engine-rest/task/" + this.taskId + "/variables").json(),
				this.http.get(Users.REVIEWER1, "/engine-rest/task/" + this.taskId + "/localVariables").json(),
				this.http.get(Users.OPS, "/engine-rest/process-instance/" + this.stageId + "/variables").json(),
				this.http.get(Users.PRODUCER, "/api/assets/" + this.assetId).json(),
				this.http.get(Users.OPS, "/api/assets/" + this.bolt.assetId()).json(),
				this.http
					.get(Users.OPS,
							"/engine-rest/process-instance/count?processDefinitionKey=CreativeProductionProcess")
					.json()
					.get("count")
					.asLong());
	}

	record State(int task, JsonNode taskVariables, JsonNode taskLocalVariables, JsonNode stageVariables, JsonNode asset,
			JsonNode otherClientsAsset, long productions) {
	}

	// the demo project's newest assets: a production started with a forged brief would
	// be among them
	private List<String> productionTitles() {
		return this.http.get(Users.OPS, "/api/assets?size=200&projectId=" + this.acmeProjectId)
			.json()
			.findValuesAsText("title");
	}

	private static String briefWith(String title, String name, String forged) {
		return """
				{"briefTitle": {"value": "%s"}, "projectCode": {"value": "ACME-SUMMER"},
				 "deliverableType": {"value": "VIDEO"}, "channel": {"value": "WEB"},
				 "dueDate": {"value": "2030-01-31"}, "briefDescription": {"value": "Forged"},
				 "%s": {"value": "%s"}}""".formatted(title, name, forged);
	}

	private static String approvalWith(String name, String forged) {
		return """
				{"decision": {"value": "APPROVED"}, "%s": {"value": "%s"}}""".formatted(name, forged);
	}

	private static String value(String value) {
		return "{\"value\": \"" + value + "\", \"type\": \"String\"}";
	}

	private static Arguments route(String name, Supplier<Object> send) {
		return arguments(name, send);
	}

	private Http.Response post(String user, String path, String json) {
		return this.http.postJson(user, path, json);
	}

	private Http.Response put(String user, String path, String json) {
		return this.http.send(this.http.request(user, path)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Http.Response delete(String user, String path) {
		return this.http.send(this.http.request(user, path).DELETE());
	}

	private BrowserSession signedIn(String user) {
		BrowserSession session = new BrowserSession(this.port);
		session.signIn(user, Users.PASSWORD);
		return session;
	}

	/** A response from engine REST or from the webapps' API. */
	record Response(int status, String body) {

		static Response of(Object response) {
			if (response instanceof Http.Response engineRest) {
				return new Response(engineRest.status(), engineRest.body());
			}
			HttpResponse<?> webapp = (HttpResponse<?>) response;
			return new Response(webapp.statusCode(), String.valueOf(webapp.body()));
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + this.status + "): " + this.body, ex);
			}
		}

	}

}
