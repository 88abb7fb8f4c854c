package io.greenlight.security.variables;

import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Guards the engine commands a caller issues: through engine REST, the webapps (Tasklist,
 * Cockpit) or Greenlight's API, as the signed-in user. Such a command may not write or
 * remove a {@linkplain ServerSetVariables server-set variable} or a review stage's
 * {@linkplain ReviewOutcomeTargets outcome variable}, on any route (starting, forms,
 * completing, variable writes, messages, signals, modifications, batches): it is refused
 * before it runs, so nothing changes. And when the engine or Greenlight refuses a
 * caller's command for lack of authority somewhere inside it (a task listener checking
 * who decides), the caller gets that refusal, not the engine's wrapping of it.
 * <p>
 * What is not a caller's command: a command nested in another (delegates and listeners at
 * work), a command without a signed-in user (the job executor, {@code SystemActor}), and
 * {@link TrustedWrites}. Engine REST and the webapps answer an
 * {@link AuthorizationException} with 403 and its message.
 */
class CallerCommandGuard extends CommandInterceptor {

	private final ProcessEngineConfigurationImpl configuration;

	private final TrustedWrites trustedWrites;

	private final ReviewOutcomeTargets outcomes;

	CallerCommandGuard(ProcessEngineConfigurationImpl configuration, TrustedWrites trustedWrites,
			ReviewOutcomeTargets outcomes) {
		this.configuration = configuration;
		this.trustedWrites = trustedWrites;
		this.outcomes = outcomes;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (!fromCaller()) {
			return this.next.execute(command);
		}
		if (!this.trustedWrites.active()) {
			refuseServerSet(command);
		}
		try {
			return this.next.execute(command);
		}
		catch (ProcessEngineException ex) {
			throw refusalWithin(ex);
		}
	}

	private boolean fromCaller() {
		if (Context.getCommandContext() != null) {
			return false;
		}
		// the engine's own identity service: it holds the user the web layer signed in
		// for this thread
		Authentication user = this.configuration.getIdentityService().getCurrentAuthentication();
		return user != null && user.getUserId() != null;
	}

	private void refuseServerSet(Command<?> command) {
		Set<String> written = CommandVariables.namesIn(command);
		SortedSet<String> refused = ServerSetVariables.among(written);
		// only a name ending in Outcome can be a review stage's outcome variable: a
		// form's
		// fields (decision, versionNote) cost no look at the deployments
		if (written.stream().anyMatch(name -> !refused.contains(name) && ReviewOutcomeTargets.couldBe(name))) {
			// a review stage's outcome variable of a workflow deployed since
			this.outcomes.catchUp(this.configuration);
			refused.addAll(this.outcomes.among(written));
		}
		if (refused.isEmpty()) {
			return;
		}
		String names = refused.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
		boolean one = refused.size() == 1;
		throw new AuthorizationException((one ? "The variable " : "The variables ") + names + (one ? " is" : " are")
				+ " set by Greenlight, never by a caller: leave " + (one ? "it" : "them") + " out and send only "
				+ "your form's own fields. Who acts, and which asset, version, stage and reviewers a step is about, "
				+ "come from the server (docs/workflows.md lists these names).");
	}

	private static ProcessEngineException refusalWithin(ProcessEngineException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthorizationException refusal) {
				return refusal;
			}
		}
		return ex;
	}

}
