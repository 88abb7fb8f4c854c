package io.greenlight.support;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static io.greenlight.support.TestFiles.MP4_HEADER;
import static io.greenlight.support.TestFiles.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another client's work, set up by creative-ops over HTTP: a client, a project of it with
 * ops as its producer, its own client reviewer, and a production whose first version was
 * uploaded. What a forged id points at.
 *
 * @param clientReviewer the other client's client reviewer (password {@code demo})
 */
public record OtherClient(String projectId, String projectCode, String clientReviewer, String assetId,
		String versionId) {

	public static OtherClient setUp(Http http, ProductionDriver productions) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String reviewer = "bolt-" + suffix;
		createUser(http, reviewer, "clients");
		String code = "BOLT-" + suffix.toUpperCase();
		String projectId = createProject(http, createClient(http, "Bolt Bikes " + suffix), code);
		addMember(http, projectId, Users.CREATIVE, "CREATIVE");
		addMember(http, projectId, Users.REVIEWER3, "REVIEWER");
		addMember(http, projectId, reviewer, "CLIENT_REVIEWER");
		String assetId = productions.startAs(Users.OPS, "Bolt spot " + suffix, code);
		productions.claimAndComplete(Users.OPS, assetId, "UserTask_ApproveBrief", Map.of("briefDecision", "APPROVED"));
		productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		Http.Response upload = productions.upload(Users.CREATIVE, assetId, "bolt.mp4", file(MP4_HEADER, 2048, 11),
				"Bolt v1");
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		return new OtherClient(projectId, code, reviewer, assetId, upload.json().get("id").asText());
	}

	private static String createClient(Http http, String name) {
		Http.Response response = http.postJson(Users.OPS, "/api/clients", """
				{"name": "%s"}""".formatted(name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	private static String createProject(Http http, String clientId, String code) {
		Http.Response response = http.postJson(Users.OPS, "/api/projects", """
				{"clientId": "%s", "code": "%s", "name": "Project %s"}""".formatted(clientId, code, code));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/project/id").asText();
	}

	private static void addMember(Http http, String projectId, String member, String role) {
		Http.Response response = http.postJson(Users.OPS, "/api/projects/" + projectId + "/members", """
				{"userId": "%s", "role": "%s"}""".formatted(member, role));
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
	}

	private static void createUser(Http http, String id, String group) {
		Http.Response user = http.postJson(Users.OPS, "/engine-rest/user/create", """
				{"profile": {"id": "%s", "firstName": "Bo", "lastName": "Bolt", "email": "%s@bolt.example"},
				 "credentials": {"password": "%s"}}""".formatted(id, id, Users.PASSWORD));
		assertThat(user.status()).as(user.body()).isEqualTo(204);
		Http.Response membership = http.send(http.request(Users.OPS, "/engine-rest/group/" + group + "/members/" + id)
			.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(membership.status()).as(membership.body()).isEqualTo(204);
	}

}
