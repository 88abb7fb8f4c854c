package io.greenlight.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How long something took, over {@code count} occurrences, in hours (two decimals). Null
 * figures: nothing happened in the period.
 */
record Durations(long count, Double medianHours, Double p90Hours, Double averageHours) {

	static final Durations NONE = new Durations(0, null, null, null);

	/** Reads the columns of {@link Sql#durationStats(String)}. */
	static Durations from(ResultSet rs) throws SQLException {
		return new Durations(rs.getLong("n"), hours(rs, "median_s"), hours(rs, "p90_s"), hours(rs, "avg_s"));
	}

	private static Double hours(ResultSet rs, String column) throws SQLException {
		BigDecimal seconds = rs.getBigDecimal(column);
		return (seconds != null) ? seconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).doubleValue()
				: null;
	}

}
