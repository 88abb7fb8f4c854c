package io.greenlight.notification;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this node's dispatch schedule that the outbox has new work, once it is there for
 * the dispatcher to see: after the transaction that queued it committed. So an idle
 * server need not ask the database every few seconds whether anything is due.
 */
@Component
class OutboxSignal {

	// raised at start: whatever was left when the server stopped is looked for at once
	private final AtomicBoolean raised = new AtomicBoolean(true);

	/**
	 * A notification was queued (or made due again) in the current transaction, if any.
	 */
	void queued() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					OutboxSignal.this.raised.set(true);
				}

			});
		}
		else {
			this.raised.set(true);
		}
	}

	/** Whether something was queued since the last call. */
	boolean take() {
		return this.raised.getAndSet(false);
	}

}
