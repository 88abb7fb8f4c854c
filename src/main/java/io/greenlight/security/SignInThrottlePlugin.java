package io.greenlight.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Puts {@link SignInThrottle} in the engine ({@link ThrottledIdentityService}) and
 * switches off the engine's own lockout in its favour: the engine counts wrong passwords
 * per account from anyone, so eleven anonymous guesses locked any account, the only
 * administrator's included, until an administrator unlocked it.
 */
@Component
@EnableConfigurationProperties(SignInThrottleProperties.class)
class SignInThrottlePlugin extends AbstractProcessEnginePlugin {

	private final SignInThrottle throttle;

	SignInThrottlePlugin(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityService(new ThrottledIdentityService(this.throttle));
	}

	/**
	 * After {@code camunda.bpm.generic-properties} are applied, so that setting
	 * {@code login-max-attempts} or {@code login-delay-*} there cannot bring the lockout
	 * back. The engine still counts failed attempts, but no count locks anyone; a wrong
	 * password only sets the engine's lock to "until now".
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
	}

}
