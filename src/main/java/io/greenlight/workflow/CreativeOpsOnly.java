package io.greenlight.workflow;

import io.greenlight.security.CurrentUser;
import io.greenlight.system.ForbiddenException;

/**
 * Designing, deploying and upgrading workflows is for creative-ops and administrators:
 * everyone else is refused with 403 before the engine is asked anything.
 */
final class CreativeOpsOnly {

	private CreativeOpsOnly() {
	}

	/**
	 * @param refusal what the 403 says: what only creative-ops do, and who to ask
	 */
	static void check(CurrentUser user, String refusal) {
		if (!user.seesAllProjects()) {
			throw new ForbiddenException(refusal);
		}
	}

}
