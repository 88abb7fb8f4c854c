package io.greenlight.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deployed versions of the shared workflows and how many instances of each run now,
 * read from the engine's tables: every project's instances count, whatever the tenants of
 * the reader (the engine's queries would show only theirs).
 */
@Repository
class WorkflowVersions {

	// shared definitions only (no tenant): the way Greenlight and Camunda Modeler deploy
	private static final String VERSIONS = "SELECT d.ID_ AS definition_id, d.KEY_ AS process_key, "
			+ "d.NAME_ AS name, d.VERSION_ AS version, dep.DEPLOY_TIME_ AS deployed_at, "
			+ "(SELECT COUNT(*) FROM ACT_RU_EXECUTION e WHERE e.PROC_DEF_ID_ = d.ID_ AND e.ID_ = e.PROC_INST_ID_) "
			+ "AS running FROM ACT_RE_PROCDEF d JOIN ACT_RE_DEPLOYMENT dep ON dep.ID_ = d.DEPLOYMENT_ID_ "
			+ "WHERE d.TENANT_ID_ IS NULL";

	private final JdbcClient jdbc;

	WorkflowVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every workflow, by key, each with its versions newest first. */
	List<Workflow> all() {
		return group(this.jdbc.sql(VERSIONS + " ORDER BY d.KEY_, d.VERSION_ DESC").query(WorkflowVersions::row).list());
	}

	Optional<Workflow> of(String key) {
		return group(this.jdbc.sql(VERSIONS + " AND d.KEY_ = ? ORDER BY d.VERSION_ DESC")
			.param(key)
			.query(WorkflowVersions::row)
			.list()).stream().findFirst();
	}

	private static List<Workflow> group(List<Row> rows) {
		Map<String, List<Row>> byKey = new LinkedHashMap<>();
		rows.forEach(row -> byKey.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row));
		return byKey.values()
			.stream()
			.map(versions -> new Workflow(versions.get(0).key(), versions.get(0).name(),
					versions.stream().map(Row::version).toList()))
			.toList();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		Timestamp deployed = rs.getTimestamp("deployed_at");
		Instant deployedAt = (deployed != null) ? deployed.toInstant() : null;
		return new Row(rs.getString("process_key"), rs.getString("name"), new Workflow.Version(rs.getInt("version"),
				rs.getString("definition_id"), deployedAt, rs.getLong("running")));
	}

	private record Row(String key, String name, Workflow.Version version) {
	}

}
