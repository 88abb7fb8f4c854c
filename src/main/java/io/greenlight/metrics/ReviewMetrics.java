package io.greenlight.metrics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metrics of review stages and reviewers' decisions: how fast reviewers answer, and what
 * is or was late.
 */
@Repository
@Transactional(readOnly = true)
class ReviewMetrics {

	/**
	 * Reviewers' decisions that counted (late feedback, given after the stage settled
	 * without the reviewer, does not) with their stage, the asset aliased {@code a},
	 * decided within the period.
	 */
	private static final String COUNTED_DECISIONS = " FROM decision d "
			+ "JOIN review_stage s ON s.version_id = d.version_id AND s.stage = d.stage "
			+ "JOIN asset a ON a.id = d.asset_id "
			+ "WHERE d.late = FALSE AND d.decided_at >= :start AND d.decided_at < :end";

	private static final String TURNAROUND = Sql.seconds("s.opened_at", "d.decided_at");

	private final JdbcClient jdbc;

	ReviewMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stage opened → the reviewer's decision, per reviewer and per client. */
	ReviewerTurnaround turnaround(MetricsFilter filter) {
		List<ReviewerTurnaround.Reviewer> reviewers = this.jdbc
			.sql("SELECT d.decided_by, " + Sql.durationStats(TURNAROUND) + COUNTED_DECISIONS + filter.assetConditions()
					+ " GROUP BY d.decided_by ORDER BY d.decided_by")
			.params(filter.parameters())
			.query((rs, row) -> new ReviewerTurnaround.Reviewer(rs.getString("decided_by"), Durations.from(rs)))
			.list();
		List<ReviewerTurnaround.Client> clients = this.jdbc
			.sql("SELECT c.id, c.name, " + Sql.durationStats(TURNAROUND)
					+ COUNTED_DECISIONS.replace(" WHERE ",
							" JOIN project p ON p.id = a.project_id JOIN client c ON c.id = p.client_id WHERE ")
					+ filter.assetConditions() + " GROUP BY c.id, c.name ORDER BY c.name, c.id")
			.params(filter.parameters())
			.query((rs, row) -> new ReviewerTurnaround.Client(rs.getString("id"), rs.getString("name"),
					Durations.from(rs)))
			.list();
		return new ReviewerTurnaround(filter.period(), reviewers, clients);
	}

	/**
	 * Per review stage: stages running now and how many of them are past their due date;
	 * stages settled in the period and decisions made in it, and how many of each came
	 * after the due date.
	 */
	Overdue overdue(MetricsFilter filter, OffsetDateTime now) {
		Map<String, Object> parameters = filter.parameters();
		parameters.put("now", now);
		Overdue overdue = Overdue.empty(filter.period(), now);
		this.jdbc
			.sql("SELECT s.stage, COUNT(*) AS n, SUM(CASE WHEN s.due_at < :now THEN 1 ELSE 0 END) AS late "
					+ "FROM review_stage s JOIN asset a ON a.id = s.asset_id WHERE s.settled_at IS NULL"
					+ filter.assetConditions() + " GROUP BY s.stage")
			.params(parameters)
			.query(rs -> {
				overdue.stage(rs.getString("stage")).running(rs.getLong("n"), rs.getLong("late"));
			});
		this.jdbc
			.sql("SELECT s.stage, COUNT(*) AS n, SUM(CASE WHEN s.settled_at > s.due_at THEN 1 ELSE 0 END) AS late "
					+ "FROM review_stage s JOIN asset a ON a.id = s.asset_id "
					+ "WHERE s.settled_at >= :start AND s.settled_at < :end" + filter.assetConditions()
					+ " GROUP BY s.stage")
			.params(parameters)
			.query(rs -> {
				overdue.stage(rs.getString("stage")).settled(rs.getLong("n"), rs.getLong("late"));
			});
		this.jdbc
			.sql("SELECT d.stage, COUNT(*) AS n, SUM(CASE WHEN d.decided_at > s.due_at THEN 1 ELSE 0 END) AS late"
					+ COUNTED_DECISIONS + filter.assetConditions() + " GROUP BY d.stage")
			.params(parameters)
			.query(rs -> {
				overdue.stage(rs.getString("stage")).decided(rs.getLong("n"), rs.getLong("late"));
			});
		return overdue;
	}

}
