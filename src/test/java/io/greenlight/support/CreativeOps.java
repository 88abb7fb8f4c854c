package io.greenlight.support;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What creative-ops sets up over HTTP, as Admin and Greenlight's API let them: users,
 * clients, projects and their members. Each call fails the test if it is refused.
 */
public final class CreativeOps {

	private final Http http;

	public CreativeOps(Http http) {
		this.http = http;
	}

	/**
	 * A user (password {@code demo}) in one group.
	 * @return the user id
	 */
	public String createUser(String id, String firstName, String lastName, String group) {
		Http.Response user = this.http.postJson(Users.OPS, "/engine-rest/user/create", """
				{"profile": {"id": "%s", "firstName": "%s", "lastName": "%s", "email": "%s@example.com"},
				 "credentials": {"password": "%s"}}""".formatted(id, firstName, lastName, id, Users.PASSWORD));
		assertThat(user.status()).as(user.body()).isEqualTo(204);
		Http.Response membership = this.http
			.send(this.http.request(Users.OPS, "/engine-rest/group/" + group + "/members/" + id)
				.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(membership.status()).as(membership.body()).isEqualTo(204);
		return id;
	}

	/**
	 * The user of {@link #createUser}, unless they exist already (the tests share one
	 * server).
	 * @return the user id
	 */
	public String userInGroup(String id, String firstName, String lastName, String group) {
		if (this.http.get(Users.OPS, "/engine-rest/user/count?id=" + id).json().get("count").asInt() == 0) {
			createUser(id, firstName, lastName, group);
		}
		return id;
	}

	/**
	 * @return the new client's id
	 */
	public String createClient(String name) {
		Http.Response response = this.http.postJson(Users.OPS, "/api/clients", """
				{"name": "%s"}""".formatted(name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	/**
	 * @return the new project's id
	 */
	public String createProject(String clientId, String code, String name) {
		Http.Response response = this.http.postJson(Users.OPS, "/api/projects", """
				{"clientId": "%s", "code": "%s", "name": "%s"}""".formatted(clientId, code, name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().at("/project/id").asText();
	}

	public void addMember(String projectId, String member, String role) {
		Http.Response response = this.http.postJson(Users.OPS, "/api/projects/" + projectId + "/members", """
				{"userId": "%s", "role": "%s"}""".formatted(member, role));
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
	}

}
