package io.greenlight.benchmark;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * One way of driving a production from its brief to its delivery: through Greenlight's
 * API, through the engine's REST API as Tasklist does, or a bare engine's Java API. Each
 * step first waits (uncounted) until its task is there, then makes the one call a person
 * would make.
 */
interface Chain {

	String name();

	Production start(String title);

	void approveBrief(Production production);

	/** Version 1, uploaded or described: the internal reviews open. */
	void produceVersion(Production production);

	/**
	 * Waits until the reviewer's review task is open, and returns the call that decides
	 * (approves) it, to be timed alone.
	 */
	Runnable decision(Production production, String reviewer);

	/** The engine the productions run on, which the waits below ask. */
	ProcessEngine engine();

	default void awaitEnd(Production production) {
		Waiting.until(() -> (engine().getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(production.key)
			.count() == 0) ? Boolean.TRUE : null);
	}

	/** Waits until the job executor has nothing left to run. */
	default void awaitNoJobs() {
		Waiting.until(() -> (engine().getManagementService().createJobQuery().executable().count() == 0) ? Boolean.TRUE
				: null);
	}

	default void produce(String title) {
		Production production = start(title);
		approveBrief(production);
		produceVersion(production);
		decision(production, "reviewer1").run();
		decision(production, "reviewer2").run();
		decision(production, "client").run();
		awaitEnd(production);
	}

	/** A production as its driver knows it; the version is known once uploaded. */
	final class Production {

		final String key;

		final String assetId;

		volatile String versionId;

		Production(String key, String assetId) {
			this.key = key;
			this.assetId = assetId;
		}

	}

}
