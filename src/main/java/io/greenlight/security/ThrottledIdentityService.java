package io.greenlight.security;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's identity service with {@link SignInThrottle} in front of every password
 * check a request causes: Greenlight's sign-in, and the engine's own ones that a
 * signed-in user can reach (engine REST {@code /identity/verify}, the webapps' login
 * resource, a password change). So none of them is a way around the throttle.
 * <p>
 * An administrator's unlock (Camunda Admin, {@code POST /user/{id}/unlock}) ends every
 * wait for the account, as it ended the engine's own lock before.
 */
class ThrottledIdentityService extends IdentityServiceImpl {

	private final SignInThrottle throttle;

	ThrottledIdentityService(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		SignInThrottle.Permit permit;
		try {
			permit = this.throttle.acquire(userId, ClientAddress.current());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (permit == null) {
			return false;
		}
		Boolean right = null;
		try {
			right = super.checkPassword(userId, password);
			return right;
		}
		finally {
			this.throttle.checked(permit, right);
		}
	}

	@Override
	public void unlockUser(String userId) {
		// the engine checks first that the caller is an administrator
		super.unlockUser(userId);
		this.throttle.unlock(userId);
	}

}
