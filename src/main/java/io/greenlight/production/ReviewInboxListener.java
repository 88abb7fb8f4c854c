package io.greenlight.production;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Keeps {@link ReviewInbox} in step with the engine's review tasks, in the transaction
 * that changes them. Added to every user task as a built-in listener
 * ({@link ReviewInboxPlugin}), which the engine runs even where it skips custom listeners
 * (a process instance cancelled with "skip custom listeners" in Cockpit), and which a
 * workflow's BPMN cannot leave out.
 */
class ReviewInboxListener implements TaskListener {

	private final ReviewInbox inbox;

	ReviewInboxListener(ReviewInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!this.inbox.isReview(task.getTaskDefinitionKey())) {
			return;
		}
		switch (task.getEventName()) {
			case EVENTNAME_ASSIGNMENT -> this.inbox.assigned(task.getId(), task.getAssignee(),
					((ExecutionEntity) task.getExecution()).getRootProcessInstanceId());
			case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> this.inbox.removed(task.getId());
			default -> {
				// the plugin registers no other event
			}
		}
	}

}
