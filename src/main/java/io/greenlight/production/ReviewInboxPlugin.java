package io.greenlight.production;

import java.util.List;

import io.greenlight.system.PostParseListeners;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ReviewInboxListener} on every user task of every process the engine parses,
 * for the events that change who a review waits for; and reconciles the inbox with the
 * engine once the server is up.
 */
@Component
class ReviewInboxPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ReviewInboxPlugin.class);

	// the engine fires "assignment" after "create" whenever a task gets an assignee, at
	// its creation too, and again with every change of assignee (none: unassigned)
	private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_ASSIGNMENT,
			TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	// the inbox needs a JdbcClient, which must not make the engine wait while it is built
	private final ObjectProvider<ReviewInbox> inbox;

	private volatile ReviewInboxListener listener;

	ReviewInboxPlugin(ObjectProvider<ReviewInbox> inbox) {
		this.inbox = inbox;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PostParseListeners.onUserTasks(configuration, (element, task) -> EVENTS
			.forEach(event -> task.addBuiltInTaskListener(event, delegate -> listener().notify(delegate))));
	}

	private ReviewInboxListener listener() {
		if (this.listener == null) {
			this.listener = new ReviewInboxListener(this.inbox.getObject());
		}
		return this.listener;
	}

	@EventListener(ApplicationReadyEvent.class)
	void reconcile() {
		try {
			this.inbox.getObject().reconcile();
		}
		catch (RuntimeException ex) {
			// another node reconciling at the same moment, or the database briefly
			// away: the listener keeps the inbox from here on, and the next start
			// reconciles again
			log.warn("Review inbox not reconciled at start-up: {}", ex.getMessage());
		}
	}

}
