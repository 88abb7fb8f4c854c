package io.greenlight.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Facts about users that Greenlight needs when the user in question is not the one signed
 * in (or no one is, as in the engine's jobs). Read as the server, so the reader's own
 * permissions on users do not matter.
 */
@Component
public class UserDirectory {

	private final IdentityService identityService;

	private final SystemActor system;

	UserDirectory(IdentityService identityService, SystemActor system) {
		this.identityService = identityService;
		this.system = system;
	}

	public boolean exists(String userId) {
		return this.system.call(() -> this.identityService.createUserQuery().userId(userId).count() > 0);
	}

	/** The user ids of the group's members, sorted. */
	public List<String> groupMembers(String groupId) {
		return this.system.call(() -> this.identityService.createUserQuery()
			.memberOfGroup(groupId)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList());
	}

	/**
	 * The names people know these users by ("first last", or the id when the user has no
	 * name), by user id in the order given; unknown ids are named by their id.
	 */
	public Map<String, String> names(Collection<String> userIds) {
		Map<String, String> names = new LinkedHashMap<>();
		userIds.forEach(id -> names.put(id, id));
		if (userIds.isEmpty()) {
			return names;
		}
		this.system.run(() -> this.identityService.createUserQuery()
			.userIdIn(userIds.toArray(String[]::new))
			.list()
			.forEach(user -> names.put(user.getId(), nameOf(user))));
		return names;
	}

	private static String nameOf(User user) {
		String name = Stream.of(user.getFirstName(), user.getLastName())
			.filter(part -> part != null && !part.isBlank())
			.collect(Collectors.joining(" "));
		return name.isBlank() ? user.getId() : name;
	}

	/** Creative-ops and administrators see every project (see {@link CurrentUser}). */
	public boolean seesAllProjects(String userId) {
		return this.system.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.groupIdIn(Groups.CREATIVE_OPS, Groups.CAMUNDA_ADMIN)
			.count() > 0);
	}

}
