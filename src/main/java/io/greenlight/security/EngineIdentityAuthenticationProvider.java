package io.greenlight.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in against the engine's identity service, the one user store that Camunda
 * Admin manages. The engine's lockout stays in force (each wrong password locks the user
 * for a few seconds, growing; after the maximum number of attempts until an administrator
 * unlocks it), and the message says so instead of a bare "bad credentials".
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String WRONG_CREDENTIALS = "Wrong user name or password.";

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	EngineIdentityAuthenticationProvider(IdentityService identityService,
			ProcessEngineConfiguration engineConfiguration) {
		this.identityService = identityService;
		this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		UserEntity user = findUser(userId);
		if (user == null) {
			throw new BadCredentialsException(WRONG_CREDENTIALS);
		}
		refuseIfLocked(user);
		if (!this.identityService.checkPassword(userId, password)) {
			UserEntity afterAttempt = findUser(userId);
			refuseIfLocked(afterAttempt);
			throw new BadCredentialsException(WRONG_CREDENTIALS);
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

	private UserEntity findUser(String userId) {
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		return (UserEntity) user;
	}

	private void refuseIfLocked(UserEntity user) {
		if (user.getAttempts() >= this.engineConfiguration.getLoginMaxAttempts()) {
			throw new LockedException("This account is locked after " + user.getAttempts()
					+ " failed sign-ins. Ask an administrator to unlock it (Camunda Admin, Users).");
		}
		// the engine's clock, which tests may move, decides when a lock expires
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (user.getLockExpirationTime() != null && user.getLockExpirationTime().toInstant().isAfter(now)) {
			long seconds = Duration.between(now, user.getLockExpirationTime().toInstant()).toSeconds() + 1;
			throw new LockedException("Wrong user name or password, or too many attempts: this account can sign in "
					+ "again in " + seconds + " second" + ((seconds == 1) ? "" : "s")
					+ ". Each failed attempt makes the wait longer.");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
