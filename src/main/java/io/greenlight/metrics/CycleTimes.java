package io.greenlight.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long each stage of a production takes, from Greenlight's own tables (the engine's
 * history is cleaned up after 180 days; these rows are not). Each span counts in the
 * period in which it ended: "last month's cycle times" are those of the work finished
 * last month.
 */
@Repository
@Transactional(readOnly = true)
class CycleTimes {

	/** The stages in the order a production goes through them, OVERALL last. */
	static final List<String> STAGES = List.of("BRIEF", "PRODUCTION", "INTERNAL_REVIEW", "CLIENT_REVIEW", "OVERALL");

	private final JdbcClient jdbc;

	CycleTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Count, median, p90 and average duration of each stage, every stage listed. */
	Map<String, Durations> perStage(MetricsFilter filter) {
		String conditions = filter.assetConditions();
		String spans =
				// brief submitted (the asset is created) -> the producer approved it
				"SELECT 'BRIEF' AS kind, " + Sql.seconds("a.created_at", "d.decided_at") + " AS seconds "
						+ "FROM asset a JOIN decision d ON d.asset_id = a.id AND d.stage = 'BRIEF' "
						+ "AND d.decision = 'APPROVED' WHERE d.decided_at >= :start AND d.decided_at < :end"
						+ conditions
						// version requested -> uploaded: v1 is requested by the brief's
						// approval, vN by the stage that asked for changes on v(N-1); as
						// joins, so the planner picks hash joins for a long period
						// (lookups
						// per version were 1.5-4x slower over a year of 10,000
						// productions)
						+ " UNION ALL SELECT 'PRODUCTION', "
						+ Sql.seconds("COALESCE(s.settled_at, d.decided_at)", "v.created_at")
						+ " FROM asset_version v JOIN asset a ON a.id = v.asset_id "
						+ "LEFT JOIN asset_version pv ON pv.asset_id = v.asset_id AND pv.number = v.number - 1 "
						+ "LEFT JOIN review_stage s ON s.version_id = pv.id AND s.outcome = 'CHANGES_REQUESTED' "
						+ "LEFT JOIN decision d ON v.number = 1 AND d.asset_id = v.asset_id AND d.stage = 'BRIEF' "
						+ "AND d.decision = 'APPROVED' WHERE v.created_at >= :start AND v.created_at < :end "
						+ "AND COALESCE(s.settled_at, d.decided_at) IS NOT NULL" + conditions
						// review stage opened -> settled (by its rule or a producer)
						+ " UNION ALL SELECT s.stage, " + Sql.seconds("s.opened_at", "s.settled_at")
						+ " FROM review_stage s JOIN asset a ON a.id = s.asset_id "
						+ "WHERE s.settled_at >= :start AND s.settled_at < :end" + conditions
						// brief submitted -> approved (and delivered)
						+ " UNION ALL SELECT 'OVERALL', " + Sql.seconds("approved.created_at", "approved.approved_at")
						+ " FROM " + Sql.approvedAssets(filter);
		Map<String, Durations> result = new LinkedHashMap<>();
		STAGES.forEach(stage -> result.put(stage, Durations.NONE));
		this.jdbc.sql("SELECT kind, " + Sql.durationStats("seconds") + " FROM (" + spans + ") spans GROUP BY kind")
			.params(filter.parameters())
			.query(rs -> {
				result.put(rs.getString("kind"), Durations.from(rs));
			});
		return result;
	}

}
