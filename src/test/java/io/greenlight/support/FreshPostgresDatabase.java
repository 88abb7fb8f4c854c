package io.greenlight.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the PostgreSQL run ({@code -Dgreenlight.test.profile=postgres}): creates a database
 * of its own for this test JVM before any test starts, so nothing left by an earlier run
 * can make a test pass or fail. The server is the one in {@code GREENLIGHT_PG_ADMIN_URL}
 * (default: the local server at 127.0.0.1:5432, user postgres).
 * <p>
 * The database is not dropped when the tests end: Spring closes its contexts (and the
 * engine its last queries) only as the JVM exits, after this listener, and a database
 * dropped under them makes the JVM wait for connection time-outs. Instead, each run first
 * drops the test databases of earlier runs that nobody is connected to any more.
 */
public class FreshPostgresDatabase implements LauncherSessionListener {

	private static final String ADMIN_URL = env("GREENLIGHT_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("GREENLIGHT_DB_USER", "postgres");

	private static final String PASSWORD = env("GREENLIGHT_DB_PASSWORD", "");

	private static final String PREFIX = "greenlight_test_";

	private String database;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!"postgres".equals(System.getProperty("greenlight.test.profile"))) {
			return;
		}
		dropDatabasesOfEarlierRuns();
		this.database = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ThreadLocalRandom.current().nextInt(1000, 10000);
		execute("CREATE DATABASE " + this.database);
		String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + this.database;
		System.setProperty("GREENLIGHT_DB_URL", url);
		System.setProperty("GREENLIGHT_DB_USER", USER);
		System.setProperty("GREENLIGHT_DB_PASSWORD", PASSWORD);
	}

	private static void dropDatabasesOfEarlierRuns() {
		String unused = "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%' AND datname NOT IN "
				+ "(SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)";
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			List<String> databases = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery(unused)) {
				while (rows.next()) {
					databases.add(rows.getString(1));
				}
			}
			for (String database : databases) {
				if (!createdRecently(database)) {
					statement.execute("DROP DATABASE IF EXISTS " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL test databases: clean-up failed on " + ADMIN_URL
					+ ". Is a PostgreSQL server running there?", ex);
		}
	}

	/**
	 * A database created in the last minutes may belong to a test JVM that has not
	 * connected yet (another build on this machine), so it is left alone.
	 */
	private static boolean createdRecently(String database) {
		try {
			LocalDateTime created = LocalDateTime.parse(database.substring(PREFIX.length(), PREFIX.length() + 14),
					DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
			return created.isAfter(LocalDateTime.now().minusMinutes(10));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL test database: '" + sql + "' failed on " + ADMIN_URL
					+ ". Is a PostgreSQL server running there?", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
