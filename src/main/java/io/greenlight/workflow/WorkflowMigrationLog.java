package io.greenlight.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code workflow_migration} table: every migration started, written in the
 * transaction that creates the engine's batch.
 */
@Repository
class WorkflowMigrationLog {

	private static final String COLUMNS = "id, process_key, from_version, to_version, from_definition_id, "
			+ "to_definition_id, instances, batch_id, requested_by, requested_at";

	private final JdbcClient jdbc;

	WorkflowMigrationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WorkflowMigration record(String key, int fromVersion, int toVersion, String fromDefinitionId, String toDefinitionId,
			int instances, String batchId, String requestedBy) {
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("INSERT INTO workflow_migration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, key, fromVersion, toVersion, fromDefinitionId, toDefinitionId, instances, batchId, requestedBy,
					now)
			.update();
		return new WorkflowMigration(id, key, fromVersion, toVersion, fromDefinitionId, toDefinitionId, instances,
				batchId, requestedBy, now.toInstant(), null, null);
	}

	/** The workflow's migrations, newest first. */
	List<WorkflowMigration> of(String key) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workflow_migration WHERE process_key = ? "
					+ "ORDER BY requested_at DESC, id DESC")
			.param(key)
			.query((rs, row) -> new WorkflowMigration(rs.getString("id"), rs.getString("process_key"),
					rs.getInt("from_version"), rs.getInt("to_version"), rs.getString("from_definition_id"),
					rs.getString("to_definition_id"), rs.getInt("instances"), rs.getString("batch_id"),
					rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(), null,
					null))
			.list();
	}

}
