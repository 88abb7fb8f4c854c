package io.greenlight.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used so far: this JVM's (server, bare engine and the benchmark's own clients
 * alike), and PostgreSQL's backends serving the test database (utime + stime from
 * /proc/PID/stat; the machine's other databases belong to other people's builds and are
 * left out). Assumes 100 clock ticks a second, Linux's usual.
 */
final class Cpu {

	private static final double MILLIS_PER_TICK = 10;

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	Cpu(JdbcTemplate jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.postgres = postgres;
	}

	Sample sample() {
		return new Sample(jvmMillis(), this.postgres ? postgresTicks() : Map.of());
	}

	private static double jvmMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e6;
	}

	private Map<Integer, Long> postgresTicks() {
		List<Integer> backends = SqlCount.quietly(() -> this.jdbc
			.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class));
		Map<Integer, Long> ticks = new HashMap<>();
		for (int pid : backends) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// fields 14 and 15 of the file; the list starts at field 3
				ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
			}
			catch (IOException | RuntimeException ex) {
				// the backend ended meanwhile
			}
		}
		return ticks;
	}

	/** CPU time at one moment. */
	record Sample(double jvmMillis, Map<Integer, Long> postgresTicks) {

		double jvmSince(Sample before) {
			return this.jvmMillis - before.jvmMillis;
		}

		/**
		 * PostgreSQL's CPU since then: of the backends seen at either moment (one that
		 * started meanwhile counts whole; one that ended meanwhile is missed).
		 */
		double postgresSince(Sample before) {
			Set<Integer> pids = new HashSet<>(this.postgresTicks.keySet());
			long ticks = 0;
			for (int pid : pids) {
				ticks += this.postgresTicks.get(pid) - before.postgresTicks.getOrDefault(pid, 0L);
			}
			return ticks * MILLIS_PER_TICK;
		}

	}

}
