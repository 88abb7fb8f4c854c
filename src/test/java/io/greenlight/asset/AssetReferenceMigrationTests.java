package io.greenlight.asset;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * V23 gives the productions of an existing database their references: numbered per
 * project in the order they were created, the project's counter left at its last number.
 * Run on an empty schema of the test run's database (H2, or PostgreSQL with
 * {@code -Dgreenlight.test.profile=postgres}), migrated to V22, filled, then migrated on.
 */
class AssetReferenceMigrationTests {

	private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

	private final String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);

	private DataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void emptySchema() {
		String postgres = System.getProperty("GREENLIGHT_DB_URL");
		if (postgres != null) {
			this.dataSource = new DriverManagerDataSource(postgres, System.getProperty("GREENLIGHT_DB_USER"),
					System.getProperty("GREENLIGHT_DB_PASSWORD"));
			this.jdbc = JdbcClient.create(this.dataSource);
			this.jdbc.sql("CREATE SCHEMA " + this.schema).update();
		}
		else {
			this.dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + this.schema + ";DB_CLOSE_DELAY=-1");
			this.jdbc = JdbcClient.create(this.dataSource);
		}
	}

	@AfterEach
	void dropSchema() {
		if (System.getProperty("GREENLIGHT_DB_URL") != null) {
			this.jdbc.sql("DROP SCHEMA " + this.schema + " CASCADE").update();
		}
		else {
			this.jdbc.sql("SHUTDOWN").update();
		}
	}

	@Test
	void productionsFromBeforeAreNumberedPerProjectInTheOrderTheyWereCreated() {
		migrate("22");
		this.jdbc.sql("INSERT INTO " + table("client") + " (id, name) VALUES ('c1', 'Acme')").update();
		project("p-acme", "ACME-SUMMER");
		project("p-bolt", "BOLT");
		project("p-empty", "EMPTY");
		asset("a-second", "p-acme", 2);
		asset("a-first", "p-acme", 1);
		asset("b-first", "p-bolt", 1);
		asset("a-third", "p-acme", 3);
		// two at the same instant: the id settles the order
		asset("a-fourth-1", "p-acme", 4);
		asset("a-fourth-2", "p-acme", 4);

		migrate(null);

		assertThat(this.jdbc.sql("SELECT id, reference, project_number FROM " + table("asset") + " ORDER BY reference")
			.query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list()).containsExactly(tuple("a-first", "ACME-SUMMER-0001", 1), tuple("a-second", "ACME-SUMMER-0002", 2),
					tuple("a-third", "ACME-SUMMER-0003", 3), tuple("a-fourth-1", "ACME-SUMMER-0004", 4),
					tuple("a-fourth-2", "ACME-SUMMER-0005", 5), tuple("b-first", "BOLT-0001", 1));
		assertThat(this.jdbc.sql("SELECT code, asset_count FROM " + table("project") + " ORDER BY code")
			.query((rs, row) -> tuple(rs.getString(1), rs.getInt(2)))
			.list()).containsExactly(tuple("ACME-SUMMER", 5), tuple("BOLT", 1), tuple("EMPTY", 0));
	}

	private void migrate(String target) {
		var configuration = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		if (System.getProperty("GREENLIGHT_DB_URL") != null) {
			configuration.schemas(this.schema);
		}
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	private void project(String id, String code) {
		this.jdbc
			.sql("INSERT INTO " + table("project") + " (id, client_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, "c1", code, code, T0)
			.update();
	}

	private void asset(String id, String projectId, int hoursLater) {
		OffsetDateTime created = T0.plusHours(hoursLater);
		this.jdbc
			.sql("INSERT INTO " + table("asset") + " (id, project_id, title, asset_type, channel, stage, status, "
					+ "revision_round, requested_by, created_at, updated_at) "
					+ "VALUES (?, ?, ?, 'VIDEO', 'WEB', 'BRIEF', 'BRIEF_SUBMITTED', 0, 'producer', ?, ?)")
			.params(id, projectId, id, created, created)
			.update();
	}

	private String table(String name) {
		return (System.getProperty("GREENLIGHT_DB_URL") != null) ? this.schema + "." + name : name;
	}

}
