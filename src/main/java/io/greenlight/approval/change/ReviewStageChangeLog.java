package io.greenlight.approval.change;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code review_stage_change} table: every change to a running stage, written in the
 * transaction that changes the engine.
 */
@Repository
class ReviewStageChangeLog {

	private final JdbcClient jdbc;

	ReviewStageChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ReviewStageChange record(String stageId, String assetId, ReviewStageChange.Kind kind, String reviewer,
			String delegatedTo, String reason, String changedBy) {
		ReviewStageChange change = new ReviewStageChange(UUID.randomUUID().toString(), stageId, assetId, kind.name(),
				reviewer, delegatedTo, reason, changedBy, OffsetDateTime.now());
		this.jdbc
			.sql("INSERT INTO review_stage_change (id, stage_id, asset_id, kind, reviewer, delegated_to, reason, "
					+ "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(change.id(), stageId, assetId, change.kind(), reviewer, delegatedTo, reason, changedBy,
					change.changedAt())
			.update();
		return change;
	}

	List<ReviewStageChange> ofAsset(String assetId) {
		return this.jdbc
			.sql("SELECT id, stage_id, asset_id, kind, reviewer, delegated_to, reason, changed_by, changed_at "
					+ "FROM review_stage_change WHERE asset_id = ? ORDER BY changed_at, id")
			.param(assetId)
			.query(ReviewStageChange.class)
			.list();
	}

}
