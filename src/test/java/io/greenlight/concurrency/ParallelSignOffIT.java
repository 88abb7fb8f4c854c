package io.greenlight.concurrency;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.AtOnce;
import io.greenlight.support.BrowserSession;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parallel sign-off as a creative-ops lead models it in Camunda Modeler and deploys it
 * over {@code /engine-rest} (no asynchronous continuation, each completion sets
 * variables): reviewers completing at the same moment, through the engine's REST API or
 * through Tasklist, all succeed and the sign-off ends; the same reviewer sending one
 * completion several times at once succeeds once and is told why the others did not.
 * Never a 500. Runs on H2 and on PostgreSQL.
 */
@ServerIT
class ParallelSignOffIT {

	private static final String PROCESS = "ParallelSignOffProcess";

	private static final List<String> REVIEWERS = List.of(Users.REVIEWER1, Users.REVIEWER2, Users.REVIEWER3);

	private static final int ROUNDS = 5;

	private final Http http;

	private final int port;

	@Autowired
	ParallelSignOffIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.port = port;
	}

	@BeforeEach
	void deployedFromTheModeler() throws IOException {
		Multipart body = new Multipart().field("deployment-name", "parallel sign-off")
			.field("deployment-source", "Camunda Modeler")
			.field("enable-duplicate-filtering", "true")
			.file(PROCESS + ".bpmn", PROCESS + ".bpmn", read("/bpmn/" + PROCESS + ".bpmn"));
		Http.Response deployed = this.http.post(Users.OPS, "/engine-rest/deployment/create", body.contentType(),
				body.bytes());
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
	}

	@Test
	void threeReviewersSigningOffAtTheSameMomentThroughEngineRestAllSucceedAndTheSignOffEnds() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			// given a sign-off waiting for three reviewers
			String instanceId = startSignOff();
			List<Callable<Http.Response>> completions = new ArrayList<>();
			for (String reviewer : REVIEWERS) {
				String taskId = taskOf(reviewer, instanceId);
				String note = reviewer + " signs off in round " + round;
				completions.add(() -> this.http.postJson(reviewer, "/engine-rest/task/" + taskId + "/complete",
						signOffVariables(note)));
			}

			// when all three complete their tasks at once
			List<Http.Response> answers = AtOnce.run(completions);

			// then each is done, every note is kept and the sign-off has ended
			for (Http.Response answer : answers) {
				assertThat(answer.status()).as("round %d: %s", round, answer.body()).isEqualTo(204);
			}
			assertThat(notes(instanceId)).containsExactlyInAnyOrder(Users.REVIEWER1 + " signs off in round " + round,
					Users.REVIEWER2 + " signs off in round " + round, Users.REVIEWER3 + " signs off in round " + round);
			assertEnded(instanceId);
		}
	}

	@Test
	void threeReviewersSigningOffAtTheSameMomentInTasklistAllSucceedAndTheSignOffEnds() throws Exception {
		List<BrowserSession> browsers = new ArrayList<>();
		for (String reviewer : REVIEWERS) {
			browsers.add(signedIn(reviewer));
		}
		for (int round = 1; round <= ROUNDS; round++) {
			String instanceId = startSignOff();
			List<Callable<HttpResponse<String>>> submissions = new ArrayList<>();
			for (int i = 0; i < REVIEWERS.size(); i++) {
				BrowserSession browser = browsers.get(i);
				String path = "/camunda/api/engine/engine/default/task/" + taskOf(REVIEWERS.get(i), instanceId)
						+ "/submit-form";
				String variables = signOffVariables(REVIEWERS.get(i) + " signs off in Tasklist");
				submissions.add(() -> browser.postJson(path, variables));
			}

			// when all three press "Complete" in Tasklist at once
			List<HttpResponse<String>> answers = AtOnce.run(submissions);

			for (HttpResponse<String> answer : answers) {
				assertThat(answer.statusCode()).as("round %d: %s", round, answer.body()).isEqualTo(204);
			}
			assertThat(notes(instanceId)).hasSize(3);
			assertEnded(instanceId);
		}
	}

	@Test
	void aReviewerCompletingTheSameTaskFiveTimesAtOnceIsDoneOnceAndToldWhyTheRestWereNot() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			String instanceId = startSignOff();
			String taskId = taskOf(Users.REVIEWER1, instanceId);
			Callable<Http.Response> complete = () -> this.http.postJson(Users.REVIEWER1,
					"/engine-rest/task/" + taskId + "/complete", signOffVariables("reviewer1 double-clicked"));

			List<Http.Response> answers = AtOnce.run(Collections.nCopies(5, complete));

			assertThat(answers).filteredOn(answer -> answer.status() == 204).hasSize(1);
			assertThat(answers).filteredOn(answer -> answer.status() != 204).allSatisfy(answer -> {
				assertThat(answer.status()).as(answer.body()).isIn(404, 409);
				assertThat(answer.json().get("message").asText()).as(answer.body()).contains(taskId, "someone");
			});
			assertThat(notes(instanceId)).containsExactly("reviewer1 double-clicked");
			assertStillWaitingFor(instanceId, Users.REVIEWER2, Users.REVIEWER3);
		}
	}

	@Test
	void aReviewerSubmittingTheSameFormThreeTimesAtOnceInTasklistIsDoneOnce() throws Exception {
		BrowserSession browser = signedIn(Users.REVIEWER2);
		for (int round = 1; round <= ROUNDS; round++) {
			String instanceId = startSignOff();
			String path = "/camunda/api/engine/engine/default/task/" + taskOf(Users.REVIEWER2, instanceId)
					+ "/submit-form";
			Callable<HttpResponse<String>> submit = () -> browser.postJson(path,
					signOffVariables("reviewer2 clicked three times"));

			List<HttpResponse<String>> answers = AtOnce.run(Collections.nCopies(3, submit));

			assertThat(answers).filteredOn(answer -> answer.statusCode() == 204).hasSize(1);
			assertThat(answers).filteredOn(answer -> answer.statusCode() != 204).allSatisfy(answer -> {
				assertThat(answer.statusCode()).as(answer.body()).isIn(404, 409);
				assertThat(answer.body()).contains("someone");
			});
			assertThat(notes(instanceId)).containsExactly("reviewer2 clicked three times");
			assertStillWaitingFor(instanceId, Users.REVIEWER1, Users.REVIEWER3);
		}
	}

	private String startSignOff() {
		Http.Response started = this.http.postJson(Users.OPS,
				"/engine-rest/process-definition/key/" + PROCESS + "/start",
				"{\"variables\": {\"approvers\": {\"value\": \"" + String.join(",", REVIEWERS)
						+ "\", \"type\": \"String\"}}}");
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		return started.json().get("id").asText();
	}

	/** The reviewer's own task in the sign-off, as they see it. */
	private String taskOf(String reviewer, String instanceId) {
		JsonNode tasks = this.http
			.get(reviewer, "/engine-rest/task?maxResults=10&processInstanceId=" + instanceId + "&assignee=" + reviewer)
			.json();
		assertThat(tasks).as("%s's tasks", reviewer).hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	private static String signOffVariables(String note) {
		return """
				{"variables": {"signedOff": {"value": true, "type": "Boolean"},
				               "signOffNote": {"value": "%s", "type": "String"}}}""".formatted(note);
	}

	/** Every value signOffNote was given, in the instance's history. */
	private List<String> notes(String instanceId) {
		JsonNode details = this.http
			.get(Users.OPS,
					"/engine-rest/history/detail?variableUpdates=true&maxResults=100&processInstanceId=" + instanceId)
			.json();
		List<String> notes = new ArrayList<>();
		details.forEach(detail -> {
			if (detail.get("variableName").asText().equals("signOffNote")) {
				notes.add(detail.get("value").asText());
			}
		});
		return notes;
	}

	private void assertEnded(String instanceId) {
		JsonNode instance = this.http.get(Users.OPS, "/engine-rest/history/process-instance/" + instanceId).json();
		assertThat(instance.get("state").asText()).as(instance.toString()).isEqualTo("COMPLETED");
		JsonNode ends = this.http
			.get(Users.OPS,
					"/engine-rest/history/activity-instance?maxResults=10&activityId=EndEvent_SignedOff"
							+ "&processInstanceId=" + instanceId)
			.json();
		assertThat(ends).hasSize(1);
		assertNoIncidents(instanceId);
	}

	private void assertStillWaitingFor(String instanceId, String... reviewers) {
		JsonNode open = this.http
			.get(Users.OPS,
					"/engine-rest/task?maxResults=10&processInstanceId=" + instanceId + "&sortBy=assignee"
							+ "&sortOrder=asc")
			.json();
		List<String> assignees = new ArrayList<>();
		open.forEach(task -> assignees.add(task.get("assignee").asText()));
		assertThat(assignees).containsExactly(reviewers);
		assertNoIncidents(instanceId);
	}

	private void assertNoIncidents(String instanceId) {
		JsonNode incidents = this.http
			.get(Users.OPS, "/engine-rest/history/incident/count?processInstanceId=" + instanceId)
			.json();
		assertThat(incidents.get("count").asInt()).isZero();
	}

	private BrowserSession signedIn(String user) {
		BrowserSession browser = new BrowserSession(this.port);
		browser.signIn(user, Users.PASSWORD);
		return browser;
	}

	private byte[] read(String resource) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
	}

}
