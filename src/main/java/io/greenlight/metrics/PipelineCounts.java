package io.greenlight.metrics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is in the pipeline now, for the gauges: review stages running and overdue, assets
 * in progress per stage. Read by two small aggregate queries at most once per
 * {@link #MAX_AGE}, however often Prometheus scrapes and however many gauges read it.
 */
@Component
class PipelineCounts {

	static final Duration MAX_AGE = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(PipelineCounts.class);

	private final JdbcClient jdbc;

	private Snapshot snapshot;

	private long takenAt;

	PipelineCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	synchronized Snapshot now() {
		if (this.snapshot == null || System.nanoTime() - this.takenAt > MAX_AGE.toNanos()) {
			try {
				this.snapshot = read();
				this.takenAt = System.nanoTime();
			}
			catch (RuntimeException ex) {
				// a scrape while the database is away shows the last figures (or none),
				// and
				// the health endpoint says why
				log.warn("Pipeline gauges not refreshed: {}", ex.getMessage());
				if (this.snapshot == null) {
					return new Snapshot(Double.NaN, Double.NaN, Map.of());
				}
			}
		}
		return this.snapshot;
	}

	private Snapshot read() {
		Snapshot stages = this.jdbc
			.sql("SELECT COUNT(*) AS running, COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) AS overdue "
					+ "FROM review_stage WHERE settled_at IS NULL")
			.param(OffsetDateTime.now())
			.query((rs, row) -> new Snapshot(rs.getLong("running"), rs.getLong("overdue"), new HashMap<>()))
			.single();
		this.jdbc
			.sql("SELECT stage, COUNT(*) AS n FROM asset "
					+ "WHERE status NOT IN ('DELIVERED', 'BRIEF_RETURNED', 'STOPPED') GROUP BY stage")
			.query(rs -> {
				stages.assetsInStage().put(rs.getString("stage"), (double) rs.getLong("n"));
			});
		return stages;
	}

	/**
	 * @param assetsInStage assets still in progress (not delivered, returned or stopped)
	 * by their stage; a stage without any is missing
	 */
	record Snapshot(double runningStages, double overdueStages, Map<String, Double> assetsInStage) {

		double assetsIn(String stage) {
			return this.assetsInStage.getOrDefault(stage, Double.isNaN(this.runningStages) ? Double.NaN : 0.0);
		}

	}

}
