package io.greenlight.metrics;

/**
 * The SQL the metric queries share, written so that H2 2.x and PostgreSQL compute the
 * same numbers; the one place to look when a dialect differs.
 */
final class Sql {

	/**
	 * Monday 1970-01-05 00:00 UTC in epoch seconds: ISO weeks are counted from it.
	 */
	static final long FIRST_MONDAY_EPOCH_SECONDS = 4 * 86_400L;

	static final long WEEK_SECONDS = 7 * 86_400L;

	private Sql() {
	}

	/**
	 * Seconds from one timestamp to another. Both databases take the epoch of a TIMESTAMP
	 * WITH TIME ZONE (H2's DATEDIFF and PostgreSQL's interval arithmetic differ, the
	 * epoch does not).
	 */
	static String seconds(String from, String to) {
		return "(EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + "))";
	}

	/**
	 * Which ISO week (Monday to Sunday, UTC) a timestamp falls in, as a number of weeks
	 * since the first Monday of 1970. DATE_TRUNC('week') starts weeks on Sunday in H2 and
	 * on Monday in PostgreSQL; this arithmetic is the same in both.
	 */
	static String isoWeekIndex(String timestamp) {
		return "FLOOR((EXTRACT(EPOCH FROM " + timestamp + ") - " + FIRST_MONDAY_EPOCH_SECONDS + ") / " + WEEK_SECONDS
				+ ")";
	}

	/**
	 * Count, median, 90th percentile and average of a number of seconds, as the columns
	 * {@code n}, {@code median_s}, {@code p90_s}, {@code avg_s} ({@link Durations} reads
	 * them). PERCENTILE_CONT interpolates between neighbouring values in both databases.
	 */
	static String durationStats(String seconds) {
		return "COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + seconds + ") AS median_s, "
				+ "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + seconds + ") AS p90_s, AVG(" + seconds
				+ ") AS avg_s";
	}

	/**
	 * The assets approved within the period: {@code id}, {@code project_id},
	 * {@code status}, {@code created_at}, {@code versions} (the approved version's
	 * number: how many versions it took) and {@code approved_at} (when the client stage
	 * of that version settled, which locked it; delivery follows in the same
	 * transaction). A derived table named {@code approved}, for a FROM clause: not a
	 * common table expression, because H2 2.3 answered the cycle-time query (a CTE joined
	 * into a UNION ALL) with the first run's rows when it ran again with another period
	 * (MetricsQueriesTests caught it).
	 */
	static String approvedAssets(MetricsFilter filter) {
		return "(SELECT a.id, a.project_id, a.status, a.created_at, v.number AS versions, s.settled_at AS approved_at "
				+ "FROM asset a JOIN asset_version v ON v.id = a.approved_version_id "
				+ "JOIN review_stage s ON s.version_id = v.id AND s.stage = 'CLIENT_REVIEW' "
				+ "WHERE s.settled_at >= :start AND s.settled_at < :end" + filter.assetConditions() + ") approved";
	}

}
