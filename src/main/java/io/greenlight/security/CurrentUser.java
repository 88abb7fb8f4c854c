package io.greenlight.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user and the engine groups they belong to (loaded at sign-in).
 */
public record CurrentUser(String id, List<String> groups) {

	static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	public static CurrentUser of(Authentication authentication) {
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
			.map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
			.toList();
		return new CurrentUser(authentication.getName(), groups);
	}

	/**
	 * Creative-ops and administrators see every project; everyone else only their own.
	 */
	public boolean seesAllProjects() {
		return this.groups.contains(Groups.CREATIVE_OPS) || this.groups.contains(Groups.CAMUNDA_ADMIN);
	}

}
