package io.greenlight.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting in the engine right now: the signed-in user whose request completes a
 * task (set by the web layer for Tasklist, the REST API and Greenlight's API).
 */
@Component
public class EngineActor {

	private final IdentityService identityService;

	EngineActor(IdentityService identityService) {
		this.identityService = identityService;
	}

	/**
	 * @param fallback who to name when no user is signed in (a task's assignee), or null
	 */
	public String currentUser(String fallback) {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		if (fallback != null) {
			return fallback;
		}
		throw new IllegalStateException("No signed-in user: this step must be completed by a person");
	}

}
