package io.greenlight.project;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.greenlight.support.TestFiles.MP4_HEADER;
import static io.greenlight.support.TestFiles.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers set up clients and projects and say who works on them; one client's work
 * never shows to another client's reviewers. Over real HTTP, as the users themselves.
 */
@ServerIT
class ProjectsIT {

	private final Http http;

	private final ProductionDriver productions;

	ProjectsIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void aProducerSetsUpAClientProjectAndItsTeam() {
		// when the producer creates a client and a project for it
		String clientId = createClient(Users.PRODUCER, "Bolt Bikes");
		String code = code("BOLT");
		Http.Response created = this.http.postJson(Users.PRODUCER, "/api/projects", """
				{"clientId": "%s", "code": "%s", "name": "Bolt spring launch"}""".formatted(clientId,
				code.toLowerCase()));

		// then the code is kept in capitals and the producer is the project's producer
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode project = created.json();
		String projectId = project.at("/project/id").asText();
		assertThat(project.at("/project/code").asText()).isEqualTo(code);
		assertThat(project.at("/client/name").asText()).isEqualTo("Bolt Bikes");
		assertThat(project.get("members").toString()).contains("{\"userId\":\"producer\",\"role\":\"PRODUCER\"}");

		// when the producer adds a reviewer, the reviewer sees the project; others do not
		assertThat(addMember(Users.PRODUCER, projectId, Users.REVIEWER3, "REVIEWER").status()).isEqualTo(201);
		assertThat(codes(Users.REVIEWER3)).contains(code);
		assertThat(this.http.get(Users.REVIEWER3, "/api/projects/" + projectId).status()).isEqualTo(200);
		assertThat(codes(Users.REVIEWER1)).doesNotContain(code);
		assertProblem(this.http.get(Users.REVIEWER1, "/api/projects/" + projectId), 404, "No project");

		// and a reviewer may look at the team but not change it
		assertProblem(addMember(Users.REVIEWER3, projectId, Users.REVIEWER1, "REVIEWER"), 403,
				"Only the producers of " + code);

		// and a member the producer removes no longer sees the project
		Http.Response removed = removeMember(Users.PRODUCER, projectId, Users.REVIEWER3, "REVIEWER");
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(codes(Users.REVIEWER3)).doesNotContain(code);
	}

	@Test
	void mistakesAreRefusedWithWhatToFixAndChangeNothing() {
		String clientId = createClient(Users.PRODUCER, "Crate Coffee");
		String code = code("CRATE");
		String projectId = createProject(Users.PRODUCER, clientId, code);

		assertProblem(this.http.postJson(Users.PRODUCER, "/api/projects", """
				{"clientId": "%s", "code": "%s", "name": "Again"}""".formatted(clientId, code)), 409, "is taken");
		assertProblem(this.http.postJson(Users.PRODUCER, "/api/projects", """
				{"clientId": "%s", "code": "no spaces/please", "name": "Bad"}""".formatted(clientId)), 400,
				"letters, digits and single dashes");
		assertProblem(this.http.postJson(Users.PRODUCER, "/api/projects", """
				{"clientId": "nope", "code": "%s", "name": "Bad"}""".formatted(code("NOPE"))), 400,
				"There is no client nope");
		assertProblem(this.http.postJson(Users.CREATIVE, "/api/clients", """
				{"name": "Side hustle"}"""), 403, "Only producers and creative-ops create clients");
		assertProblem(this.http.postJson(Users.PRODUCER, "/api/clients", """
				{"name": " "}"""), 400, "name must not be blank");
		assertProblem(addMember(Users.PRODUCER, projectId, "nobody-" + UUID.randomUUID(), "REVIEWER"), 400,
				"There is no user");
		assertProblem(addMember(Users.PRODUCER, projectId, Users.REVIEWER1, "BOSS"), 400,
				"use one of [PRODUCER, CREATIVE, REVIEWER, LEGAL_REVIEWER, CLIENT_REVIEWER, FREELANCER]");
		assertProblem(removeMember(Users.PRODUCER, projectId, Users.PRODUCER, "PRODUCER"), 409, "the only producer");
		// Acme's client reviewer cannot become a reviewer for another client
		assertProblem(addMember(Users.PRODUCER, projectId, Users.CLIENT, "CLIENT_REVIEWER"), 409,
				"reviews for Acme Beverages");

		JsonNode project = this.http.get(Users.PRODUCER, "/api/projects/" + projectId).json();
		assertThat(project.get("members")).hasSize(1);
	}

	@Test
	void oneClientsPeopleNeverSeeAnotherClientsWork() {
		// given creative-ops set up a second client's project with its own client
		// reviewer, and a version of a production in it
		String boltReviewer = "bolt-" + UUID.randomUUID().toString().substring(0, 8);
		createUser(boltReviewer, "clients");
		String code = code("BOLTX");
		String projectId = createProject(Users.OPS, createClient(Users.OPS, "Bolt Bikes"), code);
		addMember(Users.OPS, projectId, Users.CREATIVE, "CREATIVE");
		addMember(Users.OPS, projectId, Users.REVIEWER3, "REVIEWER");
		addMember(Users.OPS, projectId, boltReviewer, "CLIENT_REVIEWER");
		String boltAsset = this.productions.startAs(Users.OPS, "Bolt spot", code);

		// then Bolt's brief is offered to Bolt's producer (ops) only: Acme's producer
		// neither finds it among the tasks open to them nor can take it
		String approveBrief = this.productions.awaitTask(Users.OPS, boltAsset, "UserTask_ApproveBrief")
			.get("id")
			.asText();
		assertThat(this.http
			.get(Users.PRODUCER,
					"/engine-rest/task?maxResults=50&candidateUser=producer&processInstanceBusinessKey="
							+ this.productions.reference(boltAsset))
			.json()).isEmpty();
		Http.Response claim = this.http.postJson(Users.PRODUCER, "/engine-rest/task/" + approveBrief + "/claim", """
				{"userId": "producer"}""");
		assertThat(claim.status()).as(claim.body()).isEqualTo(403);
		this.productions.claimAndComplete(Users.OPS, boltAsset, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.awaitTask(Users.CREATIVE, boltAsset, "UserTask_ProduceVersion");
		Http.Response upload = this.productions.upload(Users.CREATIVE, boltAsset, "bolt.mp4",
				file(MP4_HEADER, 2048, 11), "Bolt v1");
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		String boltVersion = upload.json().get("id").asText();
		String acmeAsset = this.productions.start("Acme spot");

		// then each client reviewer lists only their own client's work and clients
		assertThat(titles(boltReviewer)).contains("Bolt spot").doesNotContain("Acme spot");
		assertThat(titles(Users.CLIENT)).contains("Acme spot").doesNotContain("Bolt spot");
		assertThat(this.http.get(Users.CLIENT, "/api/clients").json().findValuesAsText("name"))
			.containsExactly("Acme Beverages");

		// and Acme's people get 404 for everything of Bolt's, as if it did not exist
		for (String path : new String[] { "/api/assets/" + boltAsset, "/api/versions/" + boltVersion + "/file",
				"/api/versions/" + boltVersion + "/comments", "/api/projects/" + projectId }) {
			assertThat(this.http.get(Users.CLIENT, path).status()).as(path).isEqualTo(404);
			assertThat(this.http.get(Users.PRODUCER, path).status()).as(path).isEqualTo(404);
		}
		assertThat(this.http.postJson(Users.CLIENT, "/api/versions/" + boltVersion + "/comments", """
				{"body": "Let me in"}""").status()).isEqualTo(404);
		assertThat(this.http.get(boltReviewer, "/api/assets/" + acmeAsset).status()).isEqualTo(404);
		assertThat(this.http.get(boltReviewer, "/api/versions/" + boltVersion + "/file").status()).isEqualTo(200);

		// and Acme's producer cannot start work in Bolt's project by knowing its code
		Http.Response intruder = this.http.postJson(Users.PRODUCER, "/api/productions", """
				{"title": "Sneaky", "projectCode": "%s", "deliverableType": "VIDEO", "channel": "WEB",
				 "dueDate": "2030-01-31", "description": "Not my project"}""".formatted(code));
		assertProblem(intruder, 400, "No project with code '" + code + "' among your projects");
	}

	private String createClient(String user, String name) {
		Http.Response response = this.http.postJson(user, "/api/clients", """
				{"name": "%s"}""".formatted(name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	private String createProject(String user, String clientId, String code) {
		Http.Response response = this.http.postJson(user, "/api/projects", """
				{"clientId": "%s", "code": "%s", "name": "Project %s"}""".formatted(clientId, code, code));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/project/id").asText();
	}

	private Http.Response addMember(String user, String projectId, String member, String role) {
		return this.http.postJson(user, "/api/projects/" + projectId + "/members", """
				{"userId": "%s", "role": "%s"}""".formatted(member, role));
	}

	private Http.Response removeMember(String user, String projectId, String member, String role) {
		return this.http
			.send(this.http.request(user, "/api/projects/" + projectId + "/members/" + member + "?role=" + role)
				.DELETE());
	}

	private void createUser(String id, String group) {
		Http.Response user = this.http.postJson(Users.OPS, "/engine-rest/user/create", """
				{"profile": {"id": "%s", "firstName": "Bo", "lastName": "Bolt", "email": "%s@bolt.example"},
				 "credentials": {"password": "%s"}}""".formatted(id, id, Users.PASSWORD));
		assertThat(user.status()).as(user.body()).isEqualTo(204);
		Http.Response membership = this.http
			.send(this.http.request(Users.OPS, "/engine-rest/group/" + group + "/members/" + id)
				.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(membership.status()).as(membership.body()).isEqualTo(204);
	}

	private String codes(String user) {
		return this.http.get(user, "/api/projects").json().findValuesAsText("code").toString();
	}

	private String titles(String user) {
		return this.http.get(user, "/api/assets").json().findValuesAsText("title").toString();
	}

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	private static void assertProblem(Http.Response response, int status, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("detail").asText()).contains(detail);
	}

}
