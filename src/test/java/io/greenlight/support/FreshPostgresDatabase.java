package io.greenlight.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the PostgreSQL run ({@code -Dgreenlight.test.profile=postgres}): creates a database
 * of its own for this test JVM before any test starts and drops it at the end, so nothing
 * left by an earlier run can make a test pass or fail. The server is the one in
 * {@code GREENLIGHT_PG_ADMIN_URL} (default: the local server at 127.0.0.1:5432, user
 * postgres).
 */
public class FreshPostgresDatabase implements LauncherSessionListener {

	private static final String ADMIN_URL = env("GREENLIGHT_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("GREENLIGHT_DB_USER", "postgres");

	private static final String PASSWORD = env("GREENLIGHT_DB_PASSWORD", "");

	private String database;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!"postgres".equals(System.getProperty("greenlight.test.profile"))) {
			return;
		}
		this.database = "greenlight_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
				+ "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
		execute("CREATE DATABASE " + this.database);
		String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + this.database;
		System.setProperty("GREENLIGHT_DB_URL", url);
		System.setProperty("GREENLIGHT_DB_USER", USER);
		System.setProperty("GREENLIGHT_DB_PASSWORD", PASSWORD);
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (this.database != null) {
			execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
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
