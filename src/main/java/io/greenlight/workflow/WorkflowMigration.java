package io.greenlight.workflow;

import java.time.Instant;

/**
 * A migration that was started: what moved where, who asked, and how far the engine's
 * batch has come.
 *
 * @param batch the batch's progress while it exists, null once the engine removed it
 * @param finishedAt when the batch ended, once it did
 */
record WorkflowMigration(String id, String key, int fromVersion, int toVersion, String fromDefinitionId,
		String toDefinitionId, int instances, String batchId, String requestedBy, Instant requestedAt,
		BatchProgress batch, Instant finishedAt) {

	WorkflowMigration withProgress(BatchProgress progress, Instant finished) {
		return new WorkflowMigration(this.id, this.key, this.fromVersion, this.toVersion, this.fromDefinitionId,
				this.toDefinitionId, this.instances, this.batchId, this.requestedBy, this.requestedAt, progress,
				finished);
	}

	/**
	 * The engine's batch statistics: jobs still to run (one per instance), done, and
	 * failed (Cockpit shows their incidents).
	 */
	record BatchProgress(int totalJobs, int remainingJobs, int completedJobs, int failedJobs) {
	}

}
