package io.greenlight.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.SqlColumns;

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

	private static final String COLUMNS = "id, asset_id, version_id, stage, decision, comment, decided_by, decided_at, late";

	private static final String SELECT = SqlColumns.labelled(COLUMNS, "");

	private final JdbcClient jdbc;

	private final ReviewStageService stages;

	ApprovalService(JdbcClient jdbc, ReviewStageService stages) {
		this.jdbc = jdbc;
		this.stages = stages;
	}

	/**
	 * Records a reviewer's decision in a review stage, against the asset, version and
	 * stage of that stage's record (never against ids a task's variables name).
	 * Requesting changes needs a comment that says what to change. NOT_RELEVANT is an
	 * abstention: it never approves a version (see {@link StageOutcome}).
	 * @param stageId the review stage's process instance id
	 */
	public void recordReview(String stageId, ReviewDecision decision, String comment, String decidedBy, String taskId) {
		checkComment(decision, comment);
		ReviewStage stage = this.stages.get(stageId);
		insert(stage, decision.name(), comment, decidedBy, taskId, false);
	}

	/**
	 * Keeps a reviewer's decision that arrived after their stage settled (their review
	 * was withdrawn): on record, marked late, never counted in the stage's outcome.
	 */
	public void recordLateFeedback(ReviewStage settled, ReviewDecision decision, String comment, String decidedBy) {
		checkComment(decision, comment);
		insert(settled, decision.name(), comment, decidedBy, "late:" + UUID.randomUUID(), true);
	}

	/** Whether the user decided in the review stage (in time or late). */
	@Transactional(readOnly = true)
	public boolean hasDecided(String stageId, String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM decision WHERE stage_id = ? AND decided_by = ?")
			.params(stageId, userId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The user's latest decision on the version, in time or late. */
	@Transactional(readOnly = true)
	public Optional<DecisionRecord> latestDecision(String versionId, String userId) {
		return this.jdbc
			.sql("SELECT " + SELECT + " FROM decision WHERE version_id = ? AND decided_by = ? "
					+ "ORDER BY decided_at DESC, id")
			.params(versionId, userId)
			.query(DecisionRecord.class)
			.list()
			.stream()
			.findFirst();
	}

	/** Late feedback on the asset's versions before this one, oldest first. */
	@Transactional(readOnly = true)
	public List<DecisionRecord> lateFeedbackBefore(String assetId, int versionNumber) {
		return this.jdbc
			.sql("SELECT d.id, d.asset_id, d.version_id, d.stage, d.decision, d.comment, d.decided_by, d.decided_at, "
					+ "d.late FROM decision d JOIN asset_version v ON v.id = d.version_id "
					+ "WHERE d.asset_id = ? AND d.late = TRUE AND v.number < ? ORDER BY d.decided_at, d.id")
			.params(assetId, versionNumber)
			.query(DecisionRecord.class)
			.list();
	}

	private static void checkComment(ReviewDecision decision, String comment) {
		if (decision == ReviewDecision.CHANGES_REQUESTED && isBlank(comment)) {
			throw new InvalidRequestException("Say what to change: a comment is required when you request changes.");
		}
	}

	/**
	 * Records the producer's decision on a brief. Returning a brief needs a comment that
	 * says what is missing.
	 */
	public void recordBrief(String assetId, BriefDecision decision, String comment, String decidedBy, String taskId) {
		if (decision == BriefDecision.RETURNED && isBlank(comment)) {
			throw new InvalidRequestException("Say what is missing: a comment is required when you return a brief.");
		}
		insert(assetId, null, null, "BRIEF", decision.name(), comment, decidedBy, taskId, false);
	}

	/**
	 * The reviewers' decisions in a review stage, in the order they were recorded (late
	 * feedback does not count).
	 * @param stageId the review stage's process instance id
	 */
	@Transactional(readOnly = true)
	public List<Vote> votes(String stageId) {
		return this.jdbc.sql(
				"SELECT decided_by, decision FROM decision WHERE stage_id = ? AND late = FALSE ORDER BY decided_at, id")
			.params(stageId)
			.query((rs, row) -> new Vote(rs.getString(1), ReviewDecision.valueOf(rs.getString(2))))
			.list();
	}

	@Transactional(readOnly = true)
	public List<DecisionRecord> decisionsFor(String assetId) {
		return this.jdbc.sql("SELECT " + SELECT + " FROM decision WHERE asset_id = ? ORDER BY decided_at, id")
			.param(assetId)
			.query(DecisionRecord.class)
			.list();
	}

	private void insert(ReviewStage stage, String decision, String comment, String decidedBy, String taskId,
			boolean late) {
		insert(stage.assetId(), stage.versionId(), stage.id(), stage.stage(), decision, comment, decidedBy, taskId,
				late);
	}

	private void insert(String assetId, String versionId, String stageId, String stage, String decision, String comment,
			String decidedBy, String taskId, boolean late) {
		this.jdbc
			.sql("INSERT INTO decision (id, asset_id, version_id, stage_id, stage, decision, comment, decided_by, "
					+ "decided_at, task_id, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), assetId, versionId, stageId, stage, decision,
					isBlank(comment) ? null : comment, decidedBy, OffsetDateTime.now(), taskId, late)
			.update();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
