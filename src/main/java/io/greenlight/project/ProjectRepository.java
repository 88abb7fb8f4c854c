package io.greenlight.project;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Clients, projects and project members.
 */
@Repository
public class ProjectRepository {

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Project> findByCode(String code) {
		return this.jdbc.sql("SELECT id, client_id, code, name FROM project WHERE code = ?")
			.param(code)
			.query(Project.class)
			.optional();
	}

	public Optional<Project> findById(String id) {
		return this.jdbc.sql("SELECT id, client_id, code, name FROM project WHERE id = ?")
			.param(id)
			.query(Project.class)
			.optional();
	}

	public List<String> members(String projectId, ProjectRole role) {
		return this.jdbc.sql("SELECT user_id FROM project_member WHERE project_id = ? AND role = ? ORDER BY user_id")
			.params(projectId, role.name())
			.query(String.class)
			.list();
	}

	public boolean isMember(String projectId, String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM project_member WHERE project_id = ? AND user_id = ?")
			.params(projectId, userId)
			.query(Integer.class)
			.single() > 0;
	}

	public String createClient(String name) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO client (id, name) VALUES (?, ?)").params(id, name).update();
		return id;
	}

	public Project createProject(String clientId, String code, String name) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO project (id, client_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, clientId, code, name, OffsetDateTime.now())
			.update();
		return new Project(id, clientId, code, name);
	}

	public void addMember(String projectId, String userId, ProjectRole role) {
		this.jdbc.sql("INSERT INTO project_member (project_id, user_id, role) VALUES (?, ?, ?)")
			.params(projectId, userId, role.name())
			.update();
	}

}
