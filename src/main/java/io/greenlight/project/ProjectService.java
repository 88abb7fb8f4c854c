package io.greenlight.project;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.greenlight.security.CurrentUser;
import io.greenlight.security.Groups;
import io.greenlight.security.UserDirectory;
import io.greenlight.system.ConflictException;
import io.greenlight.system.ForbiddenException;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients, projects and who works on them. Producers and creative-ops create clients and
 * projects; a project's producers (and creative-ops) add and remove its members. Everyone
 * else sees only the projects they are members of, and gets 404 for the others.
 */
@Service
@Transactional
public class ProjectService {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private final ProjectRepository projects;

	private final UserDirectory users;

	ProjectService(ProjectRepository projects, UserDirectory users) {
		this.projects = projects;
		this.users = users;
	}

	public Client createClient(String name, CurrentUser user) {
		requireStaff(user, "create clients");
		String id = this.projects.createClient(name.strip());
		return new Client(id, name.strip());
	}

	/** Staff see every client; others the clients of their own projects. */
	public List<Client> clients(CurrentUser user) {
		if (isStaff(user)) {
			return this.projects.clients();
		}
		return this.projects.projects(user.id())
			.stream()
			.map(Project::clientId)
			.distinct()
			.map(id -> this.projects.findClient(id).orElseThrow())
			.toList();
	}

	/** A new project of the client; whoever creates it becomes its first producer. */
	public ProjectDetail createProject(String clientId, String code, String name, CurrentUser user) {
		requireStaff(user, "create projects");
		Client client = this.projects.findClient(clientId)
			.orElseThrow(() -> new InvalidRequestException("There is no client " + clientId + ": create it first."));
		String normalised = code.strip().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(normalised).matches()) {
			throw new InvalidRequestException("Project code '" + code
					+ "' may hold only letters, digits and single dashes between them (for example ACME-SUMMER).");
		}
		if (this.projects.findByCode(normalised).isPresent()) {
			throw codeTaken(normalised);
		}
		Project project;
		try {
			project = this.projects.createProject(client.id(), normalised, name.strip());
		}
		catch (DuplicateKeyException ex) {
			throw codeTaken(normalised);
		}
		this.projects.addMember(project.id(), user.id(), ProjectRole.PRODUCER);
		return detail(project);
	}

	public List<ProjectSummary> projects(CurrentUser user) {
		return this.projects.projects(user.seesAllProjects() ? null : user.id())
			.stream()
			.map(project -> new ProjectSummary(project, this.projects.findClient(project.clientId()).orElseThrow()))
			.toList();
	}

	public ProjectDetail project(String projectId, CurrentUser user) {
		return detail(visibleProject(projectId, user));
	}

	public ProjectDetail addMember(String projectId, String userId, ProjectRole role, CurrentUser user) {
		Project project = managedProject(projectId, user);
		if (!this.users.exists(userId)) {
			throw new InvalidRequestException(
					"There is no user '" + userId + "': creative-ops create users in Admin first.");
		}
		if (this.projects.hasRole(projectId, userId, role)) {
			throw new ConflictException(userId + " is already " + role + " on " + project.code() + ".");
		}
		if (role == ProjectRole.CLIENT_REVIEWER) {
			requireSameClient(project, userId);
		}
		this.projects.addMember(projectId, userId, role);
		return detail(project);
	}

	public ProjectDetail removeMember(String projectId, String userId, ProjectRole role, CurrentUser user) {
		Project project = managedProject(projectId, user);
		if (role == ProjectRole.PRODUCER && this.projects.hasRole(projectId, userId, role)
				&& this.projects.members(projectId, ProjectRole.PRODUCER).size() == 1) {
			throw new ConflictException(userId + " is the only producer of " + project.code()
					+ ": add another producer before removing them.");
		}
		if (this.projects.removeMember(projectId, userId, role) == 0) {
			throw new NotFoundException(userId + " is not " + role + " on " + project.code() + ".");
		}
		return detail(project);
	}

	// a client reviewer works for one client: adding them to another client's project
	// would show them that client's work
	private void requireSameClient(Project project, String userId) {
		List<Client> others = this.projects.clientsReviewedBy(userId)
			.stream()
			.filter(client -> !client.id().equals(project.clientId()))
			.toList();
		if (!others.isEmpty()) {
			throw new ConflictException(
					userId + " reviews for " + others.get(0).name() + "; a client reviewer works for one client only.");
		}
	}

	private Project visibleProject(String projectId, CurrentUser user) {
		Project project = this.projects.findById(projectId).orElseThrow(() -> notFound(projectId));
		if (!user.seesAllProjects() && !this.projects.isMember(projectId, user.id())) {
			throw notFound(projectId);
		}
		return project;
	}

	private Project managedProject(String projectId, CurrentUser user) {
		Project project = visibleProject(projectId, user);
		if (!user.seesAllProjects() && !this.projects.hasRole(projectId, user.id(), ProjectRole.PRODUCER)) {
			throw new ForbiddenException(
					"Only the producers of " + project.code() + " and creative-ops change who " + "works on it.");
		}
		return project;
	}

	private ProjectDetail detail(Project project) {
		return new ProjectDetail(project, this.projects.findClient(project.clientId()).orElseThrow(),
				this.projects.members(project.id()));
	}

	private static boolean isStaff(CurrentUser user) {
		return user.seesAllProjects() || user.groups().contains(Groups.PRODUCERS);
	}

	private static void requireStaff(CurrentUser user, String what) {
		if (!isStaff(user)) {
			throw new ForbiddenException("Only producers and creative-ops " + what + ".");
		}
	}

	private static ConflictException codeTaken(String code) {
		return new ConflictException("The project code " + code + " is taken: choose another.");
	}

	private static NotFoundException notFound(String projectId) {
		return new NotFoundException("No project " + projectId + " among your projects");
	}

	public record ProjectSummary(Project project, Client client) {
	}

	public record ProjectDetail(Project project, Client client, List<Member> members) {
	}

}
