package io.greenlight.support;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Engine tests acting as a user the way the server's filters do: with the user's groups
 * and the tenants (projects) they belong to.
 */
public final class EngineUsers {

	private EngineUsers() {
	}

	public static void authenticate(IdentityService identityService, String user, List<String> groups) {
		List<String> tenants = identityService.createTenantQuery()
			.userMember(user)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.map(Tenant::getId)
			.toList();
		identityService.setAuthentication(user, groups, tenants);
	}

}
