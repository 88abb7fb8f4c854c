package io.greenlight.approval;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.SqlColumns;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review stages on record: opened with their rule and reviewers, settled once with their
 * outcome, by the rule or by a producer resolving conflicting feedback.
 */
@Service
@Transactional
public class ReviewStageService {

	private static final String COLUMNS = "id, asset_id, version_id, stage, decision_rule, quorum, primary_reviewer, "
			+ "reviewers, due_at, opened_at, outcome, resolved_by, resolution_comment, settled_at, routing_table_id, "
			+ "routing_table_version, review_process_version";

	private static final String SELECT = SqlColumns.labelled(COLUMNS, "");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReviewStageService(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records a stage as it opens, with the routing table and review process versions it
	 * runs with; the rule must be able to settle with its reviewers.
	 */
	public void open(String stageId, String assetId, String versionId, String stage, StageRule rule,
			List<String> reviewers, OffsetDateTime dueAt, StageDefinitions definitions) {
		rule.checkReviewers(reviewers);
		this.jdbc
			.sql("INSERT INTO review_stage (id, asset_id, version_id, stage, decision_rule, quorum, primary_reviewer, "
					+ "reviewers, due_at, opened_at, routing_table_id, routing_table_version, review_process_version) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(stageId, assetId, versionId, stage, rule.rule().name(),
					(rule.rule() == DecisionRule.QUORUM) ? rule.quorum() : null, rule.primaryReviewer(),
					String.join(",", reviewers), dueAt, OffsetDateTime.now(), definitions.routingTableId(),
					definitions.routingTableVersion(), definitions.reviewProcessVersion())
			.update();
	}

	@Transactional(readOnly = true)
	public ReviewStage get(String stageId) {
		return this.jdbc.sql("SELECT " + SELECT + " FROM review_stage WHERE id = ?")
			.param(stageId)
			.query(ReviewStage.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No review stage " + stageId));
	}

	@Transactional(readOnly = true)
	public List<ReviewStage> stagesOf(String assetId) {
		return this.jdbc.sql("SELECT " + SELECT + " FROM review_stage WHERE asset_id = ? ORDER BY opened_at, id")
			.param(assetId)
			.query(ReviewStage.class)
			.list();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<ReviewStage> find(String stageId) {
		return this.jdbc.sql("SELECT " + SELECT + " FROM review_stage WHERE id = ?")
			.param(stageId)
			.query(ReviewStage.class)
			.optional();
	}

	/**
	 * The stage, its row locked until the transaction ends: a change to its reviewers and
	 * its settling (which writes the same row) happen one after the other, never
	 * interleaved.
	 */
	public java.util.Optional<ReviewStage> lock(String stageId) {
		return this.jdbc.sql("SELECT " + SELECT + " FROM review_stage WHERE id = ? FOR UPDATE")
			.param(stageId)
			.query(ReviewStage.class)
			.optional();
	}

	/** Records who reviews a running stage now, after a producer changed it. */
	public void changeReviewers(String stageId, List<String> reviewers, String primaryReviewer) {
		int updated = this.jdbc
			.sql("UPDATE review_stage SET reviewers = ?, primary_reviewer = ? WHERE id = ? AND outcome IS NULL")
			.params(String.join(",", reviewers), primaryReviewer, stageId)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Review stage " + stageId + " is unknown or settled already");
		}
	}

	/**
	 * The settled stage of this version the user was a reviewer of, if any: feedback they
	 * give now arrives late.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<ReviewStage> settledStageReviewedBy(String versionId, String userId) {
		return this.jdbc
			.sql("SELECT " + SELECT + " FROM review_stage WHERE version_id = ? AND outcome IS NOT NULL "
					+ "ORDER BY settled_at DESC")
			.param(versionId)
			.query(ReviewStage.class)
			.list()
			.stream()
			.filter(stage -> List.of(stage.reviewers().split(",")).contains(userId))
			.findFirst();
	}

	/** Records the outcome the rule settled on. A stage settles once. */
	public void settle(String stageId, ReviewDecision outcome) {
		write(stageId, outcome, null, null);
	}

	/**
	 * Records a producer's resolution of conflicting feedback as the outcome. Changes
	 * need a comment that says what to change.
	 */
	public void resolve(String stageId, ReviewDecision outcome, String producer, String comment) {
		if (outcome == null || outcome == ReviewDecision.NOT_RELEVANT) {
			throw new InvalidRequestException(
					"Resolve the feedback: approve, approve with changes, or request changes.");
		}
		if (outcome == ReviewDecision.CHANGES_REQUESTED && (comment == null || comment.isBlank())) {
			throw new InvalidRequestException(
					"Say which changes to make: a comment is required when you request them.");
		}
		write(stageId, outcome, producer, comment);
	}

	private void write(String stageId, ReviewDecision outcome, String resolvedBy, String comment) {
		OffsetDateTime now = OffsetDateTime.now();
		int updated = this.jdbc
			.sql("UPDATE review_stage SET outcome = ?, resolved_by = ?, resolution_comment = ?, settled_at = ? "
					+ "WHERE id = ? AND outcome IS NULL")
			.params(outcome.name(), resolvedBy, (comment == null || comment.isBlank()) ? null : comment, now, stageId)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Review stage " + stageId + " is unknown or settled already");
		}
		ReviewStage stage = get(stageId);
		this.events.publishEvent(new ReviewStageSettled(stageId, stage.stage(), outcome, stage.openedAt(), now));
	}

}
