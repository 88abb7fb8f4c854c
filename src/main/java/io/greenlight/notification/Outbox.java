package io.greenlight.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.greenlight.system.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's view of the {@code notification} table. Every statement runs in a
 * transaction of its own (no surrounding one), so a claim is visible to other nodes at
 * once and a send never happens inside an open transaction.
 * <p>
 * A claim is a conditional update: it succeeds only if the row is still PENDING and
 * nobody holds an unexpired claim. On PostgreSQL a second node's update of the same row
 * waits for the first to commit and then finds the condition false, so exactly one node
 * wins; the same statement works on H2.
 */
@Repository
class Outbox {

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	private static final String COLUMNS = "id, idempotency_key, event, recipient, channel, asset_id, version_id, "
			+ "task_id, subject, detail, status, attempts, last_error, created_at, next_attempt_at, sent_at";

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code limit} due notifications for {@code claimant} until
	 * {@code claimedUntil}.
	 */
	List<OutboxNotification> claim(String claimant, Instant now, Instant claimedUntil, int limit) {
		List<String> due = this.jdbc
			.sql("SELECT id FROM notification WHERE status = ? AND next_attempt_at <= ? "
					+ "AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at, id LIMIT ?")
			.params(NotificationService.PENDING, at(now), at(now), limit)
			.query(String.class)
			.list();
		List<String> won = new ArrayList<>();
		for (String id : due) {
			int updated = this.jdbc
				.sql("UPDATE notification SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = ? "
						+ "AND (claimed_until IS NULL OR claimed_until <= ?)")
				.params(claimant, at(claimedUntil), id, NotificationService.PENDING, at(now))
				.update();
			if (updated == 1) {
				won.add(id);
			}
		}
		if (won.isEmpty()) {
			return List.of();
		}
		// the rows won, read in one query rather than one each
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification WHERE id IN (:ids) AND claimed_by = :claimant "
					+ "ORDER BY next_attempt_at, id")
			.param("ids", won)
			.param("claimant", claimant)
			.query(Outbox::map)
			.list();
	}

	/**
	 * Marks these notifications, sent together, in one statement.
	 * @return how many were still claimed by {@code claimant} (fewer: some claims expired
	 * and another node took over)
	 */
	int markSent(List<String> ids, String claimant, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("UPDATE notification SET status = :sent, sent_at = :now, attempts = attempts + 1, "
					+ "last_error = NULL, claimed_by = NULL, claimed_until = NULL "
					+ "WHERE id IN (:ids) AND claimed_by = :claimant")
			.param("sent", SENT)
			.param("now", at(now))
			.param("ids", ids)
			.param("claimant", claimant)
			.update();
	}

	/**
	 * @return false if the claim was lost (it expired and another node took over)
	 */
	boolean markSent(String id, String claimant, Instant now) {
		return this.jdbc
			.sql("UPDATE notification SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL, "
					+ "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
			.params(SENT, at(now), id, claimant)
			.update() == 1;
	}

	/** A failed attempt, tried again at {@code nextAttempt}. */
	boolean markAttemptFailed(String id, String claimant, String error, Instant nextAttempt) {
		return this.jdbc
			.sql("UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
					+ "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
			.params(truncate(error), at(nextAttempt), id, claimant)
			.update() == 1;
	}

	/** The last attempt failed too: FAILED, for an operator to see and retry. */
	boolean markFailed(String id, String claimant, String error) {
		return this.jdbc
			.sql("UPDATE notification SET status = ?, attempts = attempts + 1, last_error = ?, claimed_by = NULL, "
					+ "claimed_until = NULL WHERE id = ? AND claimed_by = ?")
			.params(FAILED, truncate(error), id, claimant)
			.update() == 1;
	}

	/** An operator's retry of a FAILED notification: due now, attempts counted afresh. */
	boolean retry(String id, Instant now) {
		return this.jdbc
			.sql("UPDATE notification SET status = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL, "
					+ "claimed_until = NULL WHERE id = ? AND status = ?")
			.params(NotificationService.PENDING, at(now), id, FAILED)
			.update() == 1;
	}

	Optional<OutboxNotification> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?")
			.param(id)
			.query(Outbox::map)
			.optional();
	}

	List<OutboxNotification> failed(Paging paging) {
		return page("status", FAILED, paging);
	}

	List<OutboxNotification> ofAsset(String assetId, Paging paging) {
		return page("asset_id", assetId, paging);
	}

	List<OutboxNotification> ofRecipient(String recipient, Paging paging) {
		return page("recipient", recipient, paging);
	}

	/** Rows whose column has this value, newest first. */
	private List<OutboxNotification> page(String column, String value, Paging paging) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification WHERE " + column + " = ? "
					+ "ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(value, paging.size(), paging.offset())
			.query(Outbox::map)
			.list();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String error) {
		String text = (error != null) ? error : "unknown error";
		return (text.length() > 2000) ? text.substring(0, 2000) : text;
	}

	private static OutboxNotification map(ResultSet rs, int row) throws SQLException {
		return new OutboxNotification(rs.getString("id"), rs.getString("idempotency_key"),
				NotificationEvent.valueOf(rs.getString("event")), rs.getString("recipient"),
				NotificationChannel.valueOf(rs.getString("channel")), rs.getString("asset_id"),
				rs.getString("version_id"), rs.getString("task_id"), rs.getString("subject"), rs.getString("detail"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("next_attempt_at", OffsetDateTime.class),
				rs.getObject("sent_at", OffsetDateTime.class));
	}

}
