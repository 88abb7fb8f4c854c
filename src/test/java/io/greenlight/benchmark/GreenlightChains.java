package io.greenlight.benchmark;

import java.util.List;
import java.util.Map;

import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greenlight's production over HTTP, two ways: through Greenlight's API (brief, upload of
 * version 1, decisions as the review room sends them) and through the engine's REST API
 * alone, as Tasklist drives it (start with the brief form's variables, claim and complete
 * each task with its form's variables). The brief's approval goes through engine REST
 * both ways: Greenlight's API has no call for it. The benchmark's waiting for each task
 * asks the engine in this JVM directly, uncounted, so that polling over HTTP does not
 * load the server.
 */
final class GreenlightChains {

	private static final byte[] VIDEO = TestFiles.mp4Running(30_000);

	private final Http http;

	private final ProductionDriver driver;

	private final ProcessEngine engine;

	GreenlightChains(Http http, ProcessEngine engine) {
		this.http = http;
		this.driver = new ProductionDriver(http);
		this.engine = engine;
	}

	Chain api() {
		return new Api();
	}

	Chain engineRest() {
		return new EngineRest();
	}

	private String awaitTask(String key, String activity, String assignee) {
		return Waiting.until(() -> {
			var query = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(key)
				.taskDefinitionKey(activity);
			List<Task> found = ((assignee != null) ? query.taskAssignee(assignee) : query).list();
			return found.isEmpty() ? null : found.get(0).getId();
		});
	}

	private void claimAndComplete(String user, String taskId, Map<String, String> variables) {
		this.driver.claim(user, taskId);
		Http.Response completed = this.driver.complete(user, taskId, variables);
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
	}

	/** What both ways share: the brief's approval and the waiting. */
	private abstract class Greenlight implements Chain {

		@Override
		public void approveBrief(Production production) {
			String task = awaitTask(production.key, "UserTask_ApproveBrief", null);
			claimAndComplete(Users.PRODUCER, task, Map.of("briefDecision", "APPROVED"));
		}

		@Override
		public ProcessEngine engine() {
			return GreenlightChains.this.engine;
		}

	}

	private final class Api extends Greenlight {

		@Override
		public String name() {
			return "/api";
		}

		@Override
		public Production start(String title) {
			Http.Response started = GreenlightChains.this.http.postJson(Users.PRODUCER, "/api/productions", """
					{"title": "%s", "projectCode": "ACME-SUMMER", "deliverableType": "VIDEO", "channel": "WEB",
					 "dueDate": "2030-01-31", "description": "Thirty seconds of summer"}""".formatted(title));
			assertThat(started.status()).as(started.body()).isEqualTo(201);
			return new Production(started.json().get("reference").asText(), started.json().get("assetId").asText());
		}

		@Override
		public void produceVersion(Production production) {
			awaitTask(production.key, "UserTask_ProduceVersion", null);
			Http.Response uploaded = GreenlightChains.this.driver.upload(Users.CREATIVE, production.assetId, "cut.mp4",
					VIDEO, "First cut");
			assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
			production.versionId = uploaded.json().get("id").asText();
		}

		@Override
		public Runnable decision(Production production, String reviewer) {
			awaitTask(production.key, "UserTask_ReviewAsset", reviewer);
			return () -> {
				Http.Response decided = GreenlightChains.this.driver.decide(reviewer, production.versionId, "APPROVED",
						"Looks good");
				assertThat(decided.status()).as(decided.body()).isEqualTo(204);
			};
		}

	}

	private final class EngineRest extends Greenlight {

		@Override
		public String name() {
			return "engine REST";
		}

		@Override
		public Production start(String title) {
			Http.Response started = GreenlightChains.this.http.postJson(Users.PRODUCER,
					"/engine-rest/process-definition/key/CreativeProductionProcess/start",
					"""
							{"variables": {"briefTitle": {"value": "%s"}, "projectCode": {"value": "ACME-SUMMER"},
							 "deliverableType": {"value": "VIDEO"}, "channel": {"value": "WEB"},
							 "dueDate": {"value": "2030-01-31"}, "briefDescription": {"value": "Thirty seconds of summer"}}}"""
						.formatted(title));
			assertThat(started.status()).as(started.body()).isEqualTo(200);
			return new Production(started.json().get("businessKey").asText(), null);
		}

		@Override
		public void produceVersion(Production production) {
			String task = awaitTask(production.key, "UserTask_ProduceVersion", null);
			claimAndComplete(Users.CREATIVE, task, Map.of("versionNote", "First cut"));
		}

		@Override
		public Runnable decision(Production production, String reviewer) {
			String task = awaitTask(production.key, "UserTask_ReviewAsset", reviewer);
			return () -> {
				Http.Response completed = GreenlightChains.this.driver.complete(reviewer, task,
						Map.of("decision", "APPROVED", "decisionComment", "Looks good"));
				assertThat(completed.status()).as(completed.body()).isEqualTo(204);
			};
		}

	}

}
