package io.greenlight.metrics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What is late: review stages running now past their due date (at {@code asOf}), and
 * stages settled and decisions made in the period after their stage's due date.
 */
record Overdue(MetricsFilter.Period period, OffsetDateTime asOf, List<Stage> stages) {

	static Overdue empty(MetricsFilter.Period period, OffsetDateTime now) {
		return new Overdue(period, now,
				new ArrayList<>(List.of(new Stage("INTERNAL_REVIEW"), new Stage("CLIENT_REVIEW"))));
	}

	/** The counts of a stage, added when a workflow of one's own names another stage. */
	Stage stage(String name) {
		return this.stages.stream().filter(stage -> stage.stage.equals(name)).findFirst().orElseGet(() -> {
			Stage stage = new Stage(name);
			this.stages.add(stage);
			return stage;
		});
	}

	/**
	 * One review stage's counts, filled by the queries of one request. Jackson shows its
	 * getters.
	 */
	static final class Stage {

		private final String stage;

		private long running;

		private long runningOverdue;

		private long settled;

		private long settledAfterDue;

		private long decisions;

		private long decisionsAfterDue;

		Stage(String stage) {
			this.stage = stage;
		}

		void running(long running, long overdue) {
			this.running = running;
			this.runningOverdue = overdue;
		}

		void settled(long settled, long afterDue) {
			this.settled = settled;
			this.settledAfterDue = afterDue;
		}

		void decided(long decisions, long afterDue) {
			this.decisions = decisions;
			this.decisionsAfterDue = afterDue;
		}

		public String getStage() {
			return this.stage;
		}

		/** Stages of this kind running now. */
		public long getRunning() {
			return this.running;
		}

		/** Of those, how many are past their due date. */
		public long getRunningOverdue() {
			return this.runningOverdue;
		}

		/** Stages that settled in the period. */
		public long getSettled() {
			return this.settled;
		}

		public long getSettledAfterDue() {
			return this.settledAfterDue;
		}

		/** Reviewers' decisions (late feedback aside) made in the period. */
		public long getDecisions() {
			return this.decisions;
		}

		public long getDecisionsAfterDue() {
			return this.decisionsAfterDue;
		}

	}

}
