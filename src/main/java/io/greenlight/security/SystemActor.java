package io.greenlight.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the server itself, without the signed-in user's authentication, so
 * the engine checks no authorizations. Only for bookkeeping after Greenlight checked the
 * caller itself (for example: updating every reviewer's task when one reviewer comments,
 * or checking that a user exists before adding them to a project).
 */
@Component
public class SystemActor {

	private final IdentityService identityService;

	SystemActor(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T call(Supplier<T> work) {
		Authentication user = this.identityService.getCurrentAuthentication();
		this.identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (user != null) {
				this.identityService.setAuthentication(user);
			}
		}
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
