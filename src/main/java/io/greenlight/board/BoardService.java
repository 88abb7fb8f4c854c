package io.greenlight.board;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.greenlight.board.Board.Card;
import io.greenlight.board.Board.Column;
import io.greenlight.board.Board.Waiting;
import io.greenlight.board.BoardRepository.CardRow;
import io.greenlight.board.BoardRepository.TaskRow;
import io.greenlight.security.CurrentUser;
import io.greenlight.security.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The producers' board: every production the user may see (their projects; creative-ops
 * all), where it stands and whom it waits on.
 */
@Service
class BoardService {

	private final BoardRepository board;

	private final UserDirectory users;

	private final Clock clock;

	BoardService(BoardRepository board, UserDirectory users) {
		this.board = board;
		this.users = users;
		this.clock = Clock.systemUTC();
	}

	@Transactional(readOnly = true)
	Board board(CurrentUser user, String clientId, String projectId, String producer, boolean overdue,
			boolean waitingOnMe) {
		BoardFilter filter = new BoardFilter(user.seesAllProjects() ? null : user.id(), clientId, projectId, producer,
				overdue, waitingOnMe ? user.id() : null);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<CardRow> rows = this.board.cards(filter, now, ZoneOffset.UTC);
		List<String> running = rows.stream().filter(row -> !row.column().ended()).map(CardRow::assetId).toList();
		Map<String, List<TaskRow>> tasks = new LinkedHashMap<>();
		this.board.openTasks(running)
			.forEach(task -> tasks.computeIfAbsent(task.assetId(), id -> new ArrayList<>()).add(task));
		Map<String, String> names = this.users.names(tasks.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(task -> Stream.of(task.assignee(), task.candidateUser()))
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new)));
		Map<BoardColumn, List<Card>> cards = new EnumMap<>(BoardColumn.class);
		Map<BoardColumn, Integer> counts = new EnumMap<>(BoardColumn.class);
		for (CardRow row : rows) {
			counts.put(row.column(), row.columnCount());
			cards.computeIfAbsent(row.column(), column -> new ArrayList<>())
				.add(card(row, waiting(tasks.getOrDefault(row.assetId(), List.of()), names)));
		}
		List<Column> columns = Stream.of(BoardColumn.values())
			.map(column -> new Column(column, column.label(), counts.getOrDefault(column, 0),
					cards.getOrDefault(column, List.of())))
			.toList();
		return new Board(columns, now);
	}

	/**
	 * Whom the board's producer filter offers: the producers of the projects the user may
	 * see (creative-ops: of all projects), by name.
	 */
	@Transactional(readOnly = true)
	List<Producer> producers(CurrentUser user) {
		List<String> ids = this.board.producers(user.seesAllProjects() ? null : user.id());
		return this.users.names(ids)
			.entrySet()
			.stream()
			.map(entry -> new Producer(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Producer::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Producer::userId))
			.toList();
	}

	private static Card card(CardRow row, List<Waiting> waitingOn) {
		return new Card(row.assetId(), row.reference(), row.title(), row.assetType(), row.channel(), row.dueDate(),
				row.status(), row.revisionRound(), row.project(), row.client(), row.latestVersion(), row.review(),
				waitingOn, row.overdue(), row.updatedAt());
	}

	/** Each person (or group) once per task: the assignee, else the candidates. */
	private static List<Waiting> waiting(List<TaskRow> tasks, Map<String, String> names) {
		Set<Waiting> waiting = new LinkedHashSet<>();
		for (TaskRow task : tasks) {
			OffsetDateTime due = (task.due() != null) ? task.due().toInstant().atOffset(ZoneOffset.UTC) : null;
			String user = (task.assignee() != null) ? task.assignee() : task.candidateUser();
			if (user != null) {
				waiting.add(new Waiting(user, null, names.getOrDefault(user, user), task.taskName(), due));
			}
			else if (task.candidateGroup() != null) {
				waiting.add(new Waiting(null, task.candidateGroup(), task.candidateGroup(), task.taskName(), due));
			}
		}
		return List.copyOf(waiting);
	}

}
