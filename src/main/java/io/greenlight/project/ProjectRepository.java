package io.greenlight.project;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Clients, projects and project members. Every change of a project's members is published
 * as a {@link ProjectMembershipChanged} in the writer's transaction.
 */
@Repository
public class ProjectRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ProjectRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
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

	/** The project of a production's asset. */
	public Optional<Project> findByAsset(String assetId) {
		return this.jdbc
			.sql("SELECT p.id, p.client_id, p.code, p.name FROM project p JOIN asset a ON a.project_id = p.id "
					+ "WHERE a.id = ?")
			.param(assetId)
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
		Project project = new Project(id, clientId, code, name);
		this.events.publishEvent(new ProjectMembershipChanged(project, null, true));
		return project;
	}

	public void addMember(String projectId, String userId, ProjectRole role) {
		this.jdbc.sql("INSERT INTO project_member (project_id, user_id, role) VALUES (?, ?, ?)")
			.params(projectId, userId, role.name())
			.update();
		this.events.publishEvent(new ProjectMembershipChanged(findById(projectId).orElseThrow(), userId, true));
	}

	public List<Member> members(String projectId) {
		return this.jdbc.sql("SELECT user_id, role FROM project_member WHERE project_id = ? ORDER BY role, user_id")
			.param(projectId)
			.query(Member.class)
			.list();
	}

	public boolean hasRole(String projectId, String userId, ProjectRole role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM project_member WHERE project_id = ? AND user_id = ? AND role = ?")
			.params(projectId, userId, role.name())
			.query(Integer.class)
			.single() > 0;
	}

	public int removeMember(String projectId, String userId, ProjectRole role) {
		int removed = this.jdbc.sql("DELETE FROM project_member WHERE project_id = ? AND user_id = ? AND role = ?")
			.params(projectId, userId, role.name())
			.update();
		if (removed > 0) {
			this.events.publishEvent(new ProjectMembershipChanged(findById(projectId).orElseThrow(), userId, false));
		}
		return removed;
	}

	/** The clients a user reviews for, as a client reviewer on any of their projects. */
	public List<Client> clientsReviewedBy(String userId) {
		return this.jdbc
			.sql("SELECT DISTINCT c.id, c.name FROM client c JOIN project p ON p.client_id = c.id "
					+ "JOIN project_member m ON m.project_id = p.id WHERE m.user_id = ? AND m.role = ? ORDER BY c.name")
			.params(userId, ProjectRole.CLIENT_REVIEWER.name())
			.query(Client.class)
			.list();
	}

	public List<Client> clients() {
		return this.jdbc.sql("SELECT id, name FROM client ORDER BY name, id").query(Client.class).list();
	}

	public Optional<Client> findClient(String clientId) {
		return this.jdbc.sql("SELECT id, name FROM client WHERE id = ?").param(clientId).query(Client.class).optional();
	}

	/**
	 * Projects newest first: all of them ({@code memberId} null) or those the user is a
	 * member of.
	 */
	public List<Project> projects(String memberId) {
		if (memberId == null) {
			return this.jdbc.sql("SELECT id, client_id, code, name FROM project ORDER BY created_at DESC, code")
				.query(Project.class)
				.list();
		}
		return this.jdbc
			.sql("SELECT id, client_id, code, name FROM project WHERE id IN "
					+ "(SELECT project_id FROM project_member WHERE user_id = ?) ORDER BY created_at DESC, code")
			.param(memberId)
			.query(Project.class)
			.list();
	}

}
