package io.greenlight.board;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetType;
import io.greenlight.asset.Channel;

/**
 * Every production the user may see, in columns by stage.
 *
 * @param columns all six columns, in order, empty ones too
 */
public record Board(List<Column> columns, OffsetDateTime at) {

	/**
	 * Productions that ended (approved, delivered, stopped) stay on the board this long.
	 */
	static final int RECENT_DAYS = 30;

	/** A column holds at most this many cards; {@code count} says how many there are. */
	static final int CARDS_PER_COLUMN = 100;

	/**
	 * One column.
	 *
	 * @param count how many productions are in it (it shows at most
	 * {@link #CARDS_PER_COLUMN}, those due first)
	 */
	public record Column(BoardColumn id, String label, int count, List<Card> cards) {
	}

	/**
	 * One production.
	 *
	 * @param reference what people call it (ACME-SUMMER-0042)
	 * @param latestVersion its newest version, or null before the first
	 * @param review the review stage running now, or null
	 * @param waitingOn who must act next: the assignee or candidates of each open task
	 * @param overdue whether an open task or the running review stage is past due, or the
	 * asset's own due date has passed before it was approved
	 */
	public record Card(String assetId, String reference, String title, AssetType assetType, Channel channel,
			LocalDate dueDate, AssetStatus status, int revisionRound, Ref project, Ref client, Version latestVersion,
			Review review, List<Waiting> waitingOn, boolean overdue, OffsetDateTime updatedAt) {
	}

	/** A project (its code as name) or a client. */
	public record Ref(String id, String code, String name) {
	}

	/**
	 * @param reviewRoom where to review it (a path on this server)
	 */
	public record Version(String id, int number, String variant, String reviewRoom) {
	}

	public record Review(String stage, String decisionRule, Integer quorum, String primaryReviewer,
			List<String> reviewers, OffsetDateTime openedAt, OffsetDateTime dueAt) {
	}

	/**
	 * Someone (or a group) an open task waits on.
	 *
	 * @param task the task's name, as Tasklist shows it
	 * @param due when the task is due, or null
	 */
	public record Waiting(String userId, String groupId, String name, String task, OffsetDateTime due) {
	}

}
