package io.greenlight.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives productions over HTTP the way Tasklist and API clients do: Greenlight's API to
 * start, the engine REST API to claim and complete tasks, as the given user.
 */
public final class ProductionDriver {

	private final Http http;

	private final Map<String, String> references = new ConcurrentHashMap<>();

	public ProductionDriver(Http http) {
		this.http = http;
	}

	/**
	 * The producer posts a brief for a web video of the demo project. @return the asset
	 * id
	 */
	public String start(String title) {
		return start(title, "WEB");
	}

	/**
	 * The producer posts a brief for a video of the demo project on that channel (the
	 * routing table decides its review stages by it). @return the asset id
	 */
	public String start(String title, String channel) {
		return start(title, "ACME-SUMMER", channel);
	}

	/** The producer posts a brief for a video of that project. @return the asset id */
	public String start(String title, String projectCode, String channel) {
		return startAs(Users.PRODUCER, title, projectCode, channel);
	}

	/**
	 * Someone who may start productions in the project posts a brief for a web video.
	 * @return the asset id
	 */
	public String startAs(String user, String title, String projectCode) {
		return startAs(user, title, projectCode, "WEB");
	}

	private String startAs(String user, String title, String projectCode, String channel) {
		Http.Response response = this.http.postJson(user, "/api/productions", """
				{"title": "%s", "projectCode": "%s", "deliverableType": "VIDEO", "channel": "%s",
				 "dueDate": "2030-01-31", "description": "Thirty seconds of summer"}""".formatted(title, projectCode,
				channel));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("assetId").asText();
	}

	/**
	 * The production's reference (ACME-SUMMER-0042): its business key in the engine, and
	 * the end of its tasks' names.
	 */
	public String reference(String assetId) {
		return this.references.computeIfAbsent(assetId,
				id -> this.http.get(Users.OPS, "/api/assets/" + id).json().path("asset").path("reference").asText());
	}

	/** A production whose brief the producer approved: it waits for its first version. */
	public String waitingForAVersion(String title) {
		String assetId = start(title);
		claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief", Map.of("briefDecision", "APPROVED"));
		awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		return assetId;
	}

	/** A production whose version 1 the internal reviewers have to decide on. */
	public String inInternalReview(String title) {
		String assetId = waitingForAVersion(title);
		claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion", Map.of("versionNote", "First cut"));
		awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		return assetId;
	}

	/**
	 * Waits (the job executor may still be moving the production on) until the user can
	 * see the production's task at that activity.
	 */
	public JsonNode awaitTask(String user, String assetId, String activityId) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode tasks = this.http
				.get(user,
						"/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + reference(assetId)
								+ "&taskDefinitionKey=" + activityId
								+ (user.startsWith("reviewer") || user.equals(Users.CLIENT) ? "&assignee=" + user : ""))
				.json();
			if (tasks.isArray() && !tasks.isEmpty()) {
				found.set(tasks.get(0));
				return true;
			}
			return false;
		});
		return found.get();
	}

	public void claim(String user, String taskId) {
		Http.Response response = this.http.postJson(user, "/engine-rest/task/" + taskId + "/claim",
				"{\"userId\": \"" + user + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(204);
	}

	/** Completes the task with string variables, as a Tasklist form submits them. */
	public Http.Response complete(String user, String taskId, Map<String, String> variables) {
		String json = variables.entrySet()
			.stream()
			.map(entry -> "\"" + entry.getKey() + "\": {\"value\": \"" + entry.getValue() + "\"}")
			.collect(Collectors.joining(", ", "{\"variables\": {", "}}"));
		return this.http.postJson(user, "/engine-rest/task/" + taskId + "/complete", json);
	}

	/**
	 * Claims the production's task at that activity and completes it; fails if that is
	 * refused.
	 */
	public void claimAndComplete(String user, String assetId, String activityId, Map<String, String> variables) {
		String taskId = awaitTask(user, assetId, activityId).get("id").asText();
		claim(user, taskId);
		Http.Response response = complete(user, taskId, variables);
		assertThat(response.status()).as(response.body()).isEqualTo(204);
	}

	/** Completes the reviewer's own review task of the production. */
	public void review(String reviewer, String assetId, String activityId, Map<String, String> variables) {
		String taskId = awaitTask(reviewer, assetId, activityId).get("id").asText();
		Http.Response response = complete(reviewer, taskId, variables);
		assertThat(response.status()).as(response.body()).isEqualTo(204);
	}

	/** Uploads a file as the next version (multipart, as a browser sends it). */
	public Http.Response upload(String user, String assetId, String fileName, byte[] content, String note) {
		return upload(user, assetId, fileName, content, note, null);
	}

	/** Uploads a file as the next version of a variant ("30s cut"). */
	public Http.Response upload(String user, String assetId, String fileName, byte[] content, String note,
			String variant) {
		Multipart body = new Multipart();
		if (variant != null) {
			body.field("variant", variant);
		}
		if (note != null) {
			body.field("note", note);
		}
		body.file("file", fileName, content);
		return this.http.post(user, "/api/assets/" + assetId + "/versions", body.contentType(), body.bytes());
	}

	/** Decides on a version through Greenlight's API, as the review room does. */
	public Http.Response decide(String user, String versionId, String decision, String comment) {
		String json = (comment == null) ? "{\"decision\": \"%s\"}".formatted(decision)
				: "{\"decision\": \"%s\", \"comment\": \"%s\"}".formatted(decision, comment);
		return this.http.postJson(user, "/api/versions/" + versionId + "/decisions", json);
	}

	/** The id of the asset's latest version, as its producer reads it. */
	public String latestVersionId(String assetId) {
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().at("/latestVersion/id").asText();
	}

	/**
	 * A social post whose internal stage (ANY) reviewer1 settled by requesting changes on
	 * v1: reviewer2's review was withdrawn, and the production waits for v2.
	 */
	public String socialPostSettledWithoutReviewer2(String title) {
		String assetId = start(title, "SOCIAL");
		claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief", Map.of("briefDecision", "APPROVED"));
		claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion", Map.of("versionNote", "First cut"));
		awaitTask(Users.REVIEWER2, assetId, "UserTask_ReviewAsset");
		Http.Response changes = decide(Users.REVIEWER1, latestVersionId(assetId), "CHANGES_REQUESTED", "Too long");
		assertThat(changes.status()).as(changes.body()).isEqualTo(204);
		awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		return assetId;
	}

}
