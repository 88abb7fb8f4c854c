package io.greenlight.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite: how long the packaged server takes to start, how much
 * memory it holds, and how much it asks of an idle database (issue 14). Starts
 * {@code target/greenlight-*.jar} as README's operators would (demo profile; with
 * {@code -Dgreenlight.test.profile=postgres} on a PostgreSQL database made for the run),
 * three times: on an empty database, then twice on the database the first start left.
 * Each time it measures the time from launching {@code java} until
 * {@code /actuator/health} answers 200, and the process's resident memory then. After the
 * last start it leaves the server alone for {@code greenlight.benchmark.idle-seconds}
 * (default 120, after 30 to settle) and counts the transactions it commits meanwhile
 * (PostgreSQL's {@code pg_stat_database}).
 * <p>
 * {@code ./mvnw -B verify -Dskip.npm -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=StartupBenchmark -Dgreenlight.test.profile=postgres} (the jar is built by the
 * same command, in its package phase)
 */
class StartupBenchmark {

	private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final Pattern STARTED = Pattern.compile("Started GreenlightApplication in ([0-9.]+) seconds");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Test
	void startUpAndIdle() throws Exception {
		boolean postgres = "postgres".equals(System.getProperty("greenlight.test.profile"));
		int idleSeconds = Integer.getInteger("greenlight.benchmark.idle-seconds", 120);
		Path work = Files.createTempDirectory("greenlight-startup");
		String database = "greenlight_bench_" + System.currentTimeMillis();
		String url = postgres ? "jdbc:postgresql://127.0.0.1:5432/" + database
				: "jdbc:h2:file:" + work.resolve("data/greenlight") + ";DB_CLOSE_ON_EXIT=FALSE";
		if (postgres) {
			admin("CREATE DATABASE " + database);
		}
		System.out.printf("%nGreenlight start-up benchmark (%s, %s, %d cores)%n", postgres ? "PostgreSQL" : "H2",
				jar().getFileName(), Runtime.getRuntime().availableProcessors());
		System.out.printf("  %-34s %14s %16s %12s%n", "start", "to health (s)", "Spring's own (s)", "RSS (MB)");
		try {
			for (int start = 1; start <= 3; start++) {
				boolean last = start == 3;
				Server server = Server.start(jar(), url, postgres, work.resolve("server-" + start + ".log"));
				try {
					double seconds = awaitHealth(server);
					System.out.printf("  %-34s %14.1f %16s %12d%n",
							(start == 1) ? "1 (empty database)" : start + " (restart)", seconds, spring(server.log()),
							server.rssMegabytes());
					if (last && postgres) {
						idle(server, database, idleSeconds);
					}
				}
				finally {
					server.stop();
				}
			}
		}
		finally {
			if (postgres) {
				admin("DROP DATABASE IF EXISTS " + database);
			}
		}
		System.out.println();
	}

	private void idle(Server server, String database, int seconds) throws Exception {
		Thread.sleep(30_000);
		long before = commits(database);
		Thread.sleep(seconds * 1000L);
		long after = commits(database);
		System.out.printf("  idle for %d s after 30 s to settle: %d commits (%.3f per second), RSS then %d MB%n",
				seconds, after - before, (after - before) / (double) seconds, server.rssMegabytes());
	}

	private double awaitHealth(Server server) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() - server.launched() < Duration.ofMinutes(3).toNanos()) {
			assertThat(server.process().isAlive()).as("server died, see " + server.log()).isTrue();
			try {
				if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return (System.nanoTime() - server.launched()) / 1e9;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no health within 3 minutes, see " + server.log());
	}

	private static String spring(Path log) throws IOException {
		Matcher started = STARTED.matcher(Files.readString(log));
		return started.find() ? started.group(1) : "?";
	}

	private static long commits(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Paths.get("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("greenlight-.*\\.jar"))
				.filter(file -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no target/greenlight-*.jar: run through ./mvnw verify"));
		}
	}

	private record Server(Process process, int port, long launched, Path log) {

		static Server start(Path jar, String url, boolean postgres, Path log) throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String java = ProcessHandle.current().info().command().orElse("java");
			// the server runs in a folder of its own (its ./data); the jar is found
			// from here
			ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(),
					"--spring.profiles.active=" + (postgres ? "postgres,demo" : "demo"))
				.directory(log.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment()
				.putAll(Map.of("GREENLIGHT_PORT", String.valueOf(port), "GREENLIGHT_DB_URL", url, "GREENLIGHT_DB_USER",
						postgres ? "postgres" : "sa", "GREENLIGHT_DB_PASSWORD", ""));
			long launched = System.nanoTime();
			return new Server(builder.start(), port, launched, log);
		}

		long rssMegabytes() throws IOException {
			List<String> status = Files.readAllLines(Paths.get("/proc/" + this.process.pid() + "/status"));
			return status.stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
