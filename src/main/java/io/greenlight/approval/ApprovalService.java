package io.greenlight.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenlight.system.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval record: decisions on briefs and versions, and the outcome of a review
 * stage. Decisions are written in the transaction that completes the task they come from.
 */
@Service
@Transactional
public class ApprovalService {

	private static final String COLUMNS = "id, asset_id, version_id, stage, decision, comment, decided_by, decided_at";

	private final JdbcClient jdbc;

	ApprovalService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a reviewer's decision on a version. Requesting changes needs a comment that
	 * says what to change. NOT_RELEVANT is an abstention: it never approves a version
	 * (see {@link StageOutcome}).
	 */
	public void recordReview(String assetId, String versionId, String stage, ReviewDecision decision, String comment,
			String decidedBy, String taskId) {
		if (decision == ReviewDecision.CHANGES_REQUESTED && isBlank(comment)) {
			throw new InvalidRequestException("Say what to change: a comment is required when you request changes.");
		}
		insert(assetId, versionId, stage, decision.name(), comment, decidedBy, taskId);
	}

	/**
	 * Records the producer's decision on a brief. Returning a brief needs a comment that
	 * says what is missing.
	 */
	public void recordBrief(String assetId, BriefDecision decision, String comment, String decidedBy, String taskId) {
		if (decision == BriefDecision.RETURNED && isBlank(comment)) {
			throw new InvalidRequestException("Say what is missing: a comment is required when you return a brief.");
		}
		insert(assetId, null, "BRIEF", decision.name(), comment, decidedBy, taskId);
	}

	/**
	 * The reviewers' decisions on a version in a stage, in the order they were recorded.
	 */
	@Transactional(readOnly = true)
	public List<Vote> votes(String versionId, String stage) {
		return this.jdbc
			.sql("SELECT decided_by, decision FROM decision WHERE version_id = ? AND stage = ? ORDER BY decided_at, id")
			.params(versionId, stage)
			.query((rs, row) -> new Vote(rs.getString(1), ReviewDecision.valueOf(rs.getString(2))))
			.list();
	}

	@Transactional(readOnly = true)
	public List<DecisionRecord> decisionsFor(String assetId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM decision WHERE asset_id = ? ORDER BY decided_at, id")
			.param(assetId)
			.query(DecisionRecord.class)
			.list();
	}

	private void insert(String assetId, String versionId, String stage, String decision, String comment,
			String decidedBy, String taskId) {
		this.jdbc
			.sql("INSERT INTO decision (id, asset_id, version_id, stage, decision, comment, decided_by, decided_at, "
					+ "task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), assetId, versionId, stage, decision,
					isBlank(comment) ? null : comment, decidedBy, OffsetDateTime.now(), taskId)
			.update();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
