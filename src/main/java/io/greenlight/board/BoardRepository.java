package io.greenlight.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetType;
import io.greenlight.asset.Channel;
import io.greenlight.board.Board.Ref;
import io.greenlight.board.Board.Review;
import io.greenlight.board.Board.Version;
import io.greenlight.review.room.ReviewRoom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board in two queries: the productions of each column (filtered, counted and cut to
 * the first cards per column in the database), then the open tasks of those still
 * running. Open tasks are read from the engine's runtime tables by the production's
 * process instance, the root of its review stages' instances (not by business key, which
 * is the reference for new productions and the id for older ones): who a task waits on is
 * the engine's fact, for Greenlight's processes and for workflows deployed from the
 * Modeler alike.
 */
@Repository
class BoardRepository {

	// the column of a production, from its stage and status (as BoardColumn.of)
	private static final String COLUMN = "CASE WHEN a.status = 'STOPPED' THEN 'STOPPED' "
			+ "WHEN a.status IN ('APPROVED', 'DELIVERED') OR a.stage = 'DELIVERY' THEN 'APPROVED' "
			+ "WHEN a.stage = 'BRIEF' THEN 'BRIEF' WHEN a.stage = 'PRODUCTION' THEN 'IN_PRODUCTION' ELSE a.stage END";

	// an open task of the production waits on this user: assigned to them, or offered to
	// them while nobody has it. Two uncorrelated sets of production instances rather than
	// a check per production: H2 ran that check once per row (seconds at 10,000).
	private static final String WAITS_ON = "(a.process_instance_id IN (SELECT e.ROOT_PROC_INST_ID_ "
			+ "FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ WHERE t.ASSIGNEE_ = ?) "
			+ "OR a.process_instance_id IN (SELECT e.ROOT_PROC_INST_ID_ FROM ACT_RU_IDENTITYLINK il "
			+ "JOIN ACT_RU_TASK t ON t.ID_ = il.TASK_ID_ JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
			+ "WHERE il.USER_ID_ = ? AND il.TYPE_ = 'candidate' AND t.ASSIGNEE_ IS NULL))";

	private static final String OVERDUE = "(a.status NOT IN ('APPROVED', 'DELIVERED', 'STOPPED') AND "
			+ "(a.due_date < ? OR rs.due_at < ? OR EXISTS (SELECT 1 FROM ACT_RU_TASK t "
			+ "JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
			+ "WHERE e.ROOT_PROC_INST_ID_ = a.process_instance_id AND t.DUE_DATE_ < ?)))";

	// a column of the card's latest version
	private static final String LATEST_VERSION = "(SELECT %s FROM asset_version v WHERE v.asset_id = kept.id "
			+ "ORDER BY v.number DESC FETCH FIRST 1 ROW ONLY)";

	static final int IN_LIST = 500;

	private final JdbcClient jdbc;

	BoardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CardRow> cards(BoardFilter filter, OffsetDateTime now, ZoneId zone) {
		Query cards = cardsQuery(filter, now, zone);
		return this.jdbc.sql(cards.sql()).params(cards.params()).query(BoardRepository::cardRow).list();
	}

	/** The cards' query as {@link #cards} runs it (the benchmark explains it). */
	Query cardsQuery(BoardFilter filter, OffsetDateTime now, ZoneId zone) {
		List<Object> params = new ArrayList<>();
		// overdue: the select list's three parameters come first
		params.add(now.atZoneSameInstant(zone).toLocalDate());
		params.add(now);
		params.add(Timestamp.from(now.toInstant()));
		StringBuilder where = new StringBuilder(
				" WHERE (a.status NOT IN ('APPROVED', 'DELIVERED', 'STOPPED') " + "OR a.updated_at >= ?)");
		params.add(now.minusDays(Board.RECENT_DAYS));
		if (filter.memberId() != null) {
			where.append(" AND a.project_id IN (SELECT project_id FROM project_member WHERE user_id = ?)");
			params.add(filter.memberId());
		}
		if (filter.clientId() != null) {
			where.append(" AND p.client_id = ?");
			params.add(filter.clientId());
		}
		if (filter.projectId() != null) {
			where.append(" AND a.project_id = ?");
			params.add(filter.projectId());
		}
		if (filter.producer() != null) {
			where.append(" AND a.project_id IN (SELECT project_id FROM project_member "
					+ "WHERE user_id = ? AND role = 'PRODUCER')");
			params.add(filter.producer());
		}
		if (filter.waitingOn() != null) {
			where.append(" AND ").append(WAITS_ON);
			params.add(filter.waitingOn());
			params.add(filter.waitingOn());
		}
		String rows = "SELECT a.id, a.reference, a.title, a.asset_type, a.channel, a.due_date, a.status, a.revision_round, "
				+ "a.updated_at, p.id AS project_id, p.code AS project_code, p.name AS project_name, "
				+ "c.id AS client_id, c.name AS client_name, "
				+ "rs.stage AS review_stage, rs.decision_rule, rs.quorum, rs.primary_reviewer, rs.reviewers, "
				+ "rs.opened_at AS review_opened_at, rs.due_at AS review_due_at, CASE WHEN " + OVERDUE
				+ " THEN 1 ELSE 0 END AS overdue, " + COLUMN + " AS board_column FROM asset a "
				+ "JOIN project p ON p.id = a.project_id JOIN client c ON c.id = p.client_id "
				+ "LEFT JOIN review_stage rs ON rs.asset_id = a.id AND rs.outcome IS NULL" + where;
		// due first within a column (no due date last), then the oldest
		String ranked = "SELECT r.*, COUNT(*) OVER (PARTITION BY board_column) AS column_count, "
				+ "ROW_NUMBER() OVER (PARTITION BY board_column ORDER BY "
				+ "CASE WHEN r.due_date IS NULL THEN 1 ELSE 0 END, r.due_date, r.updated_at, r.id) AS position "
				+ "FROM (" + rows + ") r" + (filter.overdue() ? " WHERE r.overdue = 1" : "");
		// the latest version of the cards kept only: a few hundred index lookups, where a
		// join before the cut read every version in the history
		String sql = "SELECT kept.*, " + LATEST_VERSION.formatted("v.id") + " AS version_id, "
				+ LATEST_VERSION.formatted("v.number") + " AS version_number, " + LATEST_VERSION.formatted("v.variant")
				+ " AS variant FROM (SELECT * FROM (" + ranked
				+ ") ranked WHERE position <= ?) kept ORDER BY board_column, position";
		params.add(Board.CARDS_PER_COLUMN);
		return new Query(sql, params);
	}

	/**
	 * The user ids of the producers of the projects this member belongs to.
	 * @param memberId null: of every project (for creative-ops)
	 */
	List<String> producers(String memberId) {
		String sql = "SELECT DISTINCT pm.user_id FROM project_member pm WHERE pm.role = 'PRODUCER'";
		if (memberId == null) {
			return this.jdbc.sql(sql).query(String.class).list();
		}
		return this.jdbc.sql(sql + " AND pm.project_id IN (SELECT project_id FROM project_member WHERE user_id = ?)")
			.param(memberId)
			.query(String.class)
			.list();
	}

	/** The open tasks of these productions, one row per assignee or candidate. */
	List<TaskRow> openTasks(List<String> assetIds) {
		List<TaskRow> tasks = new ArrayList<>();
		for (int from = 0; from < assetIds.size(); from += IN_LIST) {
			List<String> chunk = assetIds.subList(from, Math.min(assetIds.size(), from + IN_LIST));
			Query open = openTasksQuery(chunk);
			tasks.addAll(this.jdbc.sql(open.sql())
				.params(open.params())
				.query((rs, row) -> new TaskRow(rs.getString("asset_id"), rs.getString("task_id"),
						rs.getString("task_name"), rs.getString("assignee"), rs.getString("candidate_user"),
						rs.getString("candidate_group"), rs.getTimestamp("due")))
				.list());
		}
		return tasks;
	}

	/** The open tasks' query for up to {@value #IN_LIST} productions. */
	Query openTasksQuery(List<String> assetIds) {
		return new Query("SELECT a.id AS asset_id, t.ID_ AS task_id, t.NAME_ AS task_name, "
				+ "t.ASSIGNEE_ AS assignee, t.DUE_DATE_ AS due, il.USER_ID_ AS candidate_user, "
				+ "il.GROUP_ID_ AS candidate_group FROM ACT_RU_TASK t "
				+ "JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
				+ "JOIN asset a ON a.process_instance_id = e.ROOT_PROC_INST_ID_ "
				+ "LEFT JOIN ACT_RU_IDENTITYLINK il ON il.TASK_ID_ = t.ID_ AND il.TYPE_ = 'candidate' "
				+ "AND t.ASSIGNEE_ IS NULL WHERE a.id IN ("
				+ String.join(", ", Collections.nCopies(assetIds.size(), "?")) + ") ORDER BY t.CREATE_TIME_, t.ID_",
				new ArrayList<>(assetIds));
	}

	private static CardRow cardRow(ResultSet rs, int row) throws SQLException {
		String versionId = rs.getString("version_id");
		String reviewStage = rs.getString("review_stage");
		return new CardRow(BoardColumn.valueOf(rs.getString("board_column")), rs.getInt("column_count"),
				rs.getString("id"), rs.getString("reference"), rs.getString("title"),
				AssetType.valueOf(rs.getString("asset_type")), Channel.valueOf(rs.getString("channel")),
				rs.getObject("due_date", LocalDate.class), AssetStatus.valueOf(rs.getString("status")),
				rs.getInt("revision_round"),
				new Ref(rs.getString("project_id"), rs.getString("project_code"), rs.getString("project_name")),
				new Ref(rs.getString("client_id"), null, rs.getString("client_name")),
				(versionId != null) ? new Version(versionId, rs.getInt("version_number"), rs.getString("variant"),
						ReviewRoom.path(versionId)) : null,
				(reviewStage != null)
						? new Review(reviewStage, rs.getString("decision_rule"), (Integer) rs.getObject("quorum"),
								rs.getString("primary_reviewer"), List.of(rs.getString("reviewers").split(",")),
								rs.getObject("review_opened_at", OffsetDateTime.class),
								rs.getObject("review_due_at", OffsetDateTime.class))
						: null,
				rs.getInt("overdue") == 1, rs.getObject("updated_at", OffsetDateTime.class));
	}

	record CardRow(BoardColumn column, int columnCount, String assetId, String reference, String title,
			AssetType assetType, Channel channel, LocalDate dueDate, AssetStatus status, int revisionRound, Ref project,
			Ref client, Version latestVersion, Review review, boolean overdue, OffsetDateTime updatedAt) {
	}

	/** SQL and its parameters, in order. */
	record Query(String sql, List<Object> params) {
	}

	record TaskRow(String assetId, String taskId, String taskName, String assignee, String candidateUser,
			String candidateGroup, Timestamp due) {
	}

}
