package io.greenlight.metrics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes productions straight into Greenlight's tables, at moments given in hours after a
 * fixed start, so a test knows every span by hand. Timestamps are written at UTC+01:00 on
 * purpose: what a metric reads must not depend on the offset a row was written with.
 */
final class MetricsDataset {

	/** Monday 2021-03-01 00:00 UTC, the start of ISO week 2021-W09. */
	static final OffsetDateTime T0 = OffsetDateTime.of(2021, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private final JdbcClient jdbc;

	// numbers every asset apart (project_number is unique per project)
	private int assets;

	MetricsDataset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime at(double hours) {
		return T0.plusSeconds(Math.round(hours * 3600)).withOffsetSameInstant(ZoneOffset.ofHours(1));
	}

	String client(String name) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO client (id, name) VALUES (?, ?)").params(id, name).update();
		return id;
	}

	String project(String clientId, String producer) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO project (id, client_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, clientId, "M-" + id.substring(0, 8), "Metrics " + id.substring(0, 8), T0)
			.update();
		this.jdbc.sql("INSERT INTO project_member (project_id, user_id, role) VALUES (?, ?, 'PRODUCER')")
			.params(id, producer)
			.update();
		return id;
	}

	/** A brief submitted at {@code hours}, stage BRIEF until the test moves it on. */
	String asset(String projectId, String type, double hours) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO asset (id, reference, project_number, project_id, title, asset_type, channel, brief, "
					+ "stage, status, revision_round, requested_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
					+ "'WEB', 'brief', 'BRIEF', 'BRIEF_SUBMITTED', 0, 'producer', ?, ?)")
			.params(id, "M-" + id, ++this.assets, projectId, "Asset " + id.substring(0, 8), type, at(hours), at(hours))
			.update();
		return id;
	}

	void status(String assetId, String stage, String status) {
		this.jdbc.sql("UPDATE asset SET stage = ?, status = ? WHERE id = ?").params(stage, status, assetId).update();
	}

	void briefApproved(String assetId, double hours) {
		decision(assetId, null, "BRIEF", "producer", "APPROVED", hours, false);
	}

	String version(String assetId, int number, double hours) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO asset_version (id, asset_id, number, note, uploaded_by, created_at, status, locked) "
					+ "VALUES (?, ?, ?, 'v', 'creative', ?, 'CURRENT', FALSE)")
			.params(id, assetId, number, at(hours))
			.update();
		return id;
	}

	/** A review stage; {@code settled} null: still running. */
	String stage(String assetId, String versionId, String stage, double opened, double due, Double settled,
			String outcome) {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO review_stage (id, asset_id, version_id, stage, decision_rule, reviewers, due_at, "
					+ "opened_at, outcome, settled_at) VALUES (?, ?, ?, ?, 'ALL', 'r', ?, ?, ?, ?)")
			.params(id, assetId, versionId, stage, at(due), at(opened), outcome, (settled != null) ? at(settled) : null)
			.update();
		return id;
	}

	void decision(String assetId, String versionId, String stage, String by, String decision, double hours,
			boolean late) {
		this.jdbc
			.sql("INSERT INTO decision (id, asset_id, version_id, stage, decision, decided_by, decided_at, "
					+ "task_id, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), assetId, versionId, stage, decision, by, at(hours),
					UUID.randomUUID().toString(), late)
			.update();
	}

	/** The version approved (locked), the asset delivered or only approved. */
	void approved(String assetId, String versionId, boolean delivered) {
		this.jdbc.sql("UPDATE asset SET approved_version_id = ?, stage = ?, status = ? WHERE id = ?")
			.params(versionId, delivered ? "DELIVERY" : "CLIENT_REVIEW", delivered ? "DELIVERED" : "APPROVED", assetId)
			.update();
		this.jdbc.sql("UPDATE asset_version SET status = 'APPROVED', locked = TRUE WHERE id = ?")
			.param(versionId)
			.update();
	}

}
