package io.greenlight.project;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;

/**
 * The engine's tenant check says "no" with a plain {@code ProcessEngineException}
 * (ENGINE-13034), which engine REST answers with a 500. Greenlight turns it into what it
 * is, a refused authorization (403), saying the data belongs to a project the user is not
 * a member of. Every check of the engine's tenant checker is passed through unchanged.
 */
final class TenantRefusals {

	private static final String UNAUTHORIZED_TENANT = "ENGINE-13034";

	private TenantRefusals() {
	}

	static CommandChecker asAuthorizationRefusals(CommandChecker tenantChecker) {
		return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
				new Class<?>[] { CommandChecker.class }, (proxy, method, arguments) -> {
					try {
						return method.invoke(tenantChecker, arguments);
					}
					catch (InvocationTargetException ex) {
						throw refusal(ex.getCause());
					}
				});
	}

	private static Throwable refusal(Throwable failure) {
		if (failure instanceof ProcessEngineException && failure.getMessage() != null
				&& failure.getMessage().startsWith(UNAUTHORIZED_TENANT)) {
			// "ENGINE-13034 Cannot work on task 'x' because it belongs to no
			// authenticated tenant."
			String what = failure.getMessage()
				.substring(UNAUTHORIZED_TENANT.length())
				.replace("because it belongs to no authenticated tenant.", "")
				.strip();
			return new AuthorizationException(
					what + ": it belongs to a project you are not a member of (ask its producer to add you)");
		}
		return failure;
	}

}
