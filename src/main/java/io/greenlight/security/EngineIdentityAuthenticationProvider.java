package io.greenlight.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in against the engine's identity service, the one user store that Camunda
 * Admin manages. The engine's identity service asks {@link SignInThrottle} first
 * ({@link ThrottledIdentityService}); whatever the reason a sign-in fails, the answer is
 * the same message with the time the caller has to wait.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final SignInThrottle throttle;

	EngineIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		if (!this.identityService.checkPassword(userId, password)) {
			throw new SignInRefusedException(this.throttle.waitBefore(userId, ClientAddress.current()));
		}
		List<SimpleGrantedAuthority> authorities = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.map(group -> new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + group))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
