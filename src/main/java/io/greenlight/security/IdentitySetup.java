package io.greenlight.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates Greenlight's groups, their authorizations and the shared Tasklist filters when
 * they are missing, in every profile. Authorizations an administrator changed later in
 * Camunda Admin are left alone: a grant is only added where the group has none for that
 * resource.
 */
@Component
@Order(IdentitySetup.ORDER)
class IdentitySetup implements ApplicationRunner {

	static final int ORDER = 10;

	static final String PRODUCTION_PROCESS = "CreativeProductionProcess";

	static final String PRINT_CAMPAIGN_PROCESS = "PrintCampaignProcess";

	static final String REVIEW_STAGE_PROCESS = "StakeholderReviewProcess";

	static final String REVIEW_ROUTING_DECISION = "ReviewRoutingDecision";

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final FilterService filterService;

	private final TaskService taskService;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		group(Groups.CAMUNDA_ADMIN, "Administrators", "SYSTEM");
		group(Groups.CREATIVE_OPS, "Creative operations", "WORKFLOW");
		group(Groups.PRODUCERS, "Producers", "WORKFLOW");
		group(Groups.CREATIVES, "Creatives", "WORKFLOW");
		group(Groups.REVIEWERS, "Reviewers", "WORKFLOW");
		group(Groups.CLIENTS, "Client reviewers", "WORKFLOW");

		// creative-ops designs, deploys and operates workflows: everything, including
		// MIGRATE_INSTANCE on process definitions and CREATE on batches, which moving
		// running productions to a new version needs (io.greenlight.workflow)
		for (Resources resource : Resources.values()) {
			grant(Groups.CREATIVE_OPS, resource, "*", Permissions.ALL);
		}
		for (String group : List.of(Groups.PRODUCERS, Groups.CREATIVES, Groups.REVIEWERS, Groups.CLIENTS)) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			// Tasklist shows a task's form and diagram only to those who may read its
			// process
			grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		}
		grant(Groups.PRODUCERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.PRODUCERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		// producers start and follow productions on either shipped workflow
		for (String production : List.of(PRODUCTION_PROCESS, PRINT_CAMPAIGN_PROCESS)) {
			grant(Groups.PRODUCERS, Resources.PROCESS_DEFINITION, production, Permissions.READ,
					Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
					Permissions.READ_TASK);
		}
		// producers follow each production's review stages and routing in Cockpit
		grant(Groups.PRODUCERS, Resources.PROCESS_DEFINITION, REVIEW_STAGE_PROCESS, Permissions.READ,
				Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
		grant(Groups.PRODUCERS, Resources.DECISION_DEFINITION, REVIEW_ROUTING_DECISION, Permissions.READ,
				Permissions.READ_HISTORY);

		filter("My tasks", "Tasks assigned to me", -10,
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		// the earlier "My groups" filter missed tasks offered to the project's people
		this.filterService.createFilterQuery()
			.filterName("My groups")
			.list()
			.forEach(old -> this.filterService.deleteFilter(old.getId()));
		// tasks are offered to the project's people (candidate users) or, as a fallback,
		// to a group; the candidate-user query covers both
		filter("Open to me", "Unclaimed tasks you may take: claim one to work on it", 0,
				this.taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
	}

	private void group(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		this.identityService.saveGroup(group);
		log.info("Created group {}", id);
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		long existing = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.count();
		if (existing > 0) {
			return;
		}
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizationService.saveAuthorization(authorization);
	}

	private void filter(String name, String description, int priority, TaskQuery query) {
		if (this.filterService.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = this.filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.<String, Object>of("description", description, "priority", priority, "refresh", true));
		this.filterService.saveFilter(filter);
		Authorization everyone = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		everyone.setUserId(Authorization.ANY);
		everyone.setResource(Resources.FILTER);
		everyone.setResourceId(filter.getId());
		everyone.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(everyone);
	}

}
