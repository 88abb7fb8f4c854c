package io.greenlight.board;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.greenlight.board.BoardRepository.CardRow;
import io.greenlight.board.BoardRepository.Query;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board's two queries as the server runs them, for the benchmark in another package:
 * timed without HTTP in front of them, and explained.
 */
public final class BoardProbe {

	private final BoardRepository board;

	private final JdbcClient jdbc;

	public BoardProbe(ApplicationContext context) {
		this.board = context.getBean(BoardRepository.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/**
	 * The queries for one reader and filters.
	 * @param memberId null: as creative-ops
	 * @param waitingOn the reader's id with "waiting on me", else null
	 */
	public Queries queries(String memberId, String clientId, String projectId, String producer, boolean overdue,
			String waitingOn) {
		return new Queries(new BoardFilter(memberId, clientId, projectId, producer, overdue, waitingOn));
	}

	/** The cards' query, then the open tasks' query of the running cards it returned. */
	public final class Queries {

		private final BoardFilter filter;

		private final List<String> running;

		Queries(BoardFilter filter) {
			this.filter = filter;
			this.running = rows().stream().filter(row -> !row.column().ended()).map(CardRow::assetId).toList();
		}

		/**
		 * @return how many cards
		 */
		public int cards() {
			return rows().size();
		}

		/**
		 * @return how many rows (one per assignee or candidate)
		 */
		public int openTasks() {
			return BoardProbe.this.board.openTasks(this.running).size();
		}

		private List<CardRow> rows() {
			return BoardProbe.this.board.cards(this.filter, OffsetDateTime.now(ZoneOffset.UTC), ZoneOffset.UTC);
		}

		/** How many running cards the open tasks are read for. */
		public int runningCards() {
			return this.running.size();
		}

		/** PostgreSQL's EXPLAIN ANALYZE of the cards' query. */
		public List<String> explainCards() {
			return explain(
					BoardProbe.this.board.cardsQuery(this.filter, OffsetDateTime.now(ZoneOffset.UTC), ZoneOffset.UTC));
		}

		/** PostgreSQL's EXPLAIN ANALYZE of the open tasks' query (its first chunk). */
		public List<String> explainOpenTasks() {
			return explain(BoardProbe.this.board
				.openTasksQuery(this.running.subList(0, Math.min(this.running.size(), BoardRepository.IN_LIST))));
		}

		private List<String> explain(Query query) {
			return BoardProbe.this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + query.sql())
				.params(query.params())
				.query(String.class)
				.list();
		}

	}

}
