package io.greenlight.security;

import java.util.Date;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs users in against the engine's identity service, the one user store that Camunda
 * Admin manages. The engine's identity service asks {@link SignInThrottle} first
 * ({@link ThrottledIdentityService}); whatever the reason a sign-in fails, the answer is
 * the same message with the time the caller has to wait.
 * <p>
 * HTTP Basic sends the password with every call: a password verified lately against the
 * hash the user has now ({@link VerifiedPasswords}) is not hashed again, as long as the
 * throttle lets the caller's address in. Anything else (a wrong password, a changed or
 * deleted user, an expired entry) is checked and counted as ever. The user's groups are
 * read on every call.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final SignInThrottle throttle;

	private final VerifiedPasswords verified;

	private final SystemActor system;

	EngineIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle,
			VerifiedPasswords verified, SystemActor system) {
		this.identityService = identityService;
		this.throttle = throttle;
		this.verified = verified;
		this.system = system;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		if (authentication.getDetails() instanceof BasicDetails) {
			checkBasic(userId, password);
		}
		else {
			check(userId, password);
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

	private void check(String userId, String password) {
		if (!this.identityService.checkPassword(userId, password)) {
			throw new SignInRefusedException(this.throttle.waitBefore(userId, ClientAddress.current()));
		}
	}

	private void checkBasic(String userId, String password) {
		// read before the check: a password changed meanwhile leaves an entry that never
		// matches
		String storedHash = storedHash(userId);
		if (storedHash == null) {
			check(userId, password);
			return;
		}
		if (this.verified.vouchFor(userId, password, storedHash)
				&& this.throttle.admitVerified(userId, ClientAddress.current())) {
			return;
		}
		check(userId, password);
		this.verified.remember(userId, password, storedHash);
	}

	/**
	 * The user's password hash; {@code null} when there is none to vouch against: no such
	 * user, no password, or locked by the engine.
	 */
	private String storedHash(String userId) {
		User user = this.system.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (!(user instanceof UserEntity entity)) {
			return null;
		}
		Date lockedUntil = entity.getLockExpirationTime();
		return (lockedUntil != null && lockedUntil.after(new Date())) ? null : entity.getPassword();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Marks a sign-in as HTTP Basic's (SecurityConfiguration): only those use
	 * {@link VerifiedPasswords}; the login form checks its password once per session.
	 */
	static final class BasicDetails extends WebAuthenticationDetails {

		BasicDetails(HttpServletRequest request) {
			super(request);
		}

	}

}
