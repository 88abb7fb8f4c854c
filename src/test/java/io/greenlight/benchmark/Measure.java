package io.greenlight.benchmark;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every benchmark does alike: time a call after warming it up, read percentiles,
 * name the database, and refresh its statistics first (the local PostgreSQL runs without
 * autovacuum, and without statistics its plans are guesses).
 */
final class Measure {

	private static final int WARM_UPS = 5;

	private Measure() {
	}

	/**
	 * The call's durations in milliseconds over {@code runs} runs after the warm-ups,
	 * sorted.
	 */
	static double[] millis(Runnable call, int runs) {
		for (int i = 0; i < WARM_UPS; i++) {
			call.run();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.run();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	static double percentile(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	static String database(JdbcTemplate jdbc) {
		return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()
				+ " " + connection.getMetaData().getDatabaseProductVersion());
	}

	static boolean postgres(JdbcTemplate jdbc) {
		return database(jdbc).startsWith("PostgreSQL");
	}

	/**
	 * {@code VACUUM ANALYZE} of these tables on PostgreSQL (of the whole database when
	 * none are named), {@code ANALYZE} on H2.
	 */
	static void analyze(JdbcTemplate jdbc, List<String> tables) {
		if (!postgres(jdbc)) {
			jdbc.execute("ANALYZE");
		}
		else if (tables.isEmpty()) {
			jdbc.execute("VACUUM ANALYZE");
		}
		else {
			tables.forEach(table -> jdbc.execute("VACUUM ANALYZE " + table));
		}
	}

}
