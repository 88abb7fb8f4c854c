package io.greenlight.project;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.greenlight.security.Groups;
import io.greenlight.security.SystemActor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every project is a tenant of the engine (tenant id = project id), whose members are the
 * project's members and the creative-ops group. Process instances started for a project
 * belong to its tenant ({@link ProjectTenantIdProvider}), so the engine's own tenant
 * check keeps the project's instances, tasks, variables, history, incidents, jobs and
 * decision instances to its people in engine REST, Cockpit and Tasklist alike (decision
 * record 0011). Called in the transaction that changes the project's members, so both
 * change together; the engine reads memberships on every request, so a change takes
 * effect at once.
 */
@Component
public class ProjectTenants {

	private static final Logger log = LoggerFactory.getLogger(ProjectTenants.class);

	private final IdentityService identityService;

	private final SystemActor system;

	private final ProjectRepository projects;

	ProjectTenants(IdentityService identityService, SystemActor system, ProjectRepository projects) {
		this.identityService = identityService;
		this.system = system;
		this.projects = projects;
	}

	@EventListener
	void follow(ProjectMembershipChanged change) {
		if (change.userId() == null) {
			created(change.project());
		}
		else if (change.joined()) {
			memberAdded(change.project().id(), change.userId());
		}
		else {
			memberRemoved(change.project().id(), change.userId());
		}
	}

	/** The project's tenant exists, creative-ops belongs to it. */
	private void created(Project project) {
		this.system.run(() -> {
			if (this.identityService.createTenantQuery().tenantId(project.id()).count() == 0) {
				Tenant tenant = this.identityService.newTenant(project.id());
				tenant.setName(project.code());
				this.identityService.saveTenant(tenant);
				this.identityService.createTenantGroupMembership(project.id(), Groups.CREATIVE_OPS);
			}
		});
	}

	private void memberAdded(String projectId, String userId) {
		this.system.run(() -> {
			// a user deleted in Admin stays a project member in Greenlight's table, but
			// has no
			// engine identity to join the tenant with
			boolean exists = this.identityService.createUserQuery().userId(userId).count() > 0;
			if (exists && !tenantMembers(projectId).contains(userId)) {
				this.identityService.createTenantUserMembership(projectId, userId);
			}
		});
	}

	/** The user leaves the tenant when they have no role left on the project. */
	private void memberRemoved(String projectId, String userId) {
		if (!this.projects.isMember(projectId, userId)) {
			this.system.run(() -> this.identityService.deleteTenantUserMembership(projectId, userId));
		}
	}

	/**
	 * Makes every project's tenant match its members: projects created before projects
	 * were tenants, and tenant members an administrator changed by hand in Admin.
	 */
	public void reconcile() {
		for (Project project : this.projects.projects(null)) {
			created(project);
			Set<String> members = new HashSet<>();
			this.projects.members(project.id()).forEach(member -> members.add(member.userId()));
			Set<String> inTenant = tenantMembers(project.id());
			members.stream().filter(user -> !inTenant.contains(user)).forEach(user -> memberAdded(project.id(), user));
			inTenant.stream()
				.filter(user -> !members.contains(user))
				.forEach(user -> this.system
					.run(() -> this.identityService.deleteTenantUserMembership(project.id(), user)));
		}
		log.info("Project tenants match the projects' members");
	}

	private Set<String> tenantMembers(String projectId) {
		List<User> users = this.system
			.call(() -> this.identityService.createUserQuery().memberOfTenant(projectId).list());
		Set<String> ids = new HashSet<>();
		users.forEach(user -> ids.add(user.getId()));
		return ids;
	}

}
