package io.greenlight.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: for each user who chose it, one email that lists the tasks awaiting
 * them, with those overdue or due soon marked, instead of one email per review request,
 * reminder. Queued in the outbox once per user and day (the idempotency key holds the
 * day), so several nodes composing digests at the same moment send one.
 */
@Service
public class DigestService {

	private static final Logger log = LoggerFactory.getLogger(DigestService.class);

	/** More would not be read in one email; Tasklist has the rest. */
	private static final int MAX_ITEMS = 100;

	private final NotificationService notifications;

	private final TaskService taskService;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Duration dueSoon;

	DigestService(NotificationService notifications, TaskService taskService, JdbcClient jdbc,
			TransactionTemplate transactions, ObjectMapper json, NotificationProperties properties) {
		this.notifications = notifications;
		this.taskService = taskService;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.dueSoon = properties.digest().dueSoon();
	}

	/**
	 * Queues today's digest for every user who chose it and has something awaiting them.
	 * @param now the moment of composing: decides "today", "overdue" and "due soon"
	 * @return how many digests were queued
	 */
	public int queueDigests(Instant now, ZoneId zone) {
		String day = LocalDate.ofInstant(now, zone).toString();
		List<String> users = this.jdbc
			.sql("SELECT user_id FROM notification_setting WHERE daily_digest = TRUE ORDER BY user_id")
			.query(String.class)
			.list();
		int queued = 0;
		for (String user : users) {
			try {
				Boolean added = this.transactions.execute(status -> queueDigest(user, day, now));
				if (Boolean.TRUE.equals(added)) {
					queued++;
				}
			}
			catch (DuplicateKeyException ex) {
				// another node queued this user's digest for the day at the same moment
			}
		}
		log.info("Daily digests for {} queued: {}", day, queued);
		return queued;
	}

	private boolean queueDigest(String user, String day, Instant now) {
		List<DigestItem> items = awaiting(user, now);
		if (items.isEmpty()) {
			return false;
		}
		long overdue = items.stream().filter(DigestItem::overdue).count();
		long soon = items.stream().filter(DigestItem::dueSoon).count();
		String subject = "Awaiting your review: " + items.size() + ((items.size() == 1) ? " task" : " tasks")
				+ ((overdue > 0 || soon > 0) ? " (" + overdue + " overdue, " + soon + " due soon)" : "");
		return this.notifications.queueDigest(user, day, subject, toJson(items));
	}

	/**
	 * The user's open tasks: assigned to them, or offered to their groups, overdue first.
	 */
	List<DigestItem> awaiting(String user, Instant now) {
		Map<String, Task> tasks = new LinkedHashMap<>();
		this.taskService.createTaskQuery()
			.taskAssignee(user)
			.active()
			.listPage(0, MAX_ITEMS)
			.forEach(task -> tasks.put(task.getId(), task));
		this.taskService.createTaskQuery()
			.taskCandidateUser(user)
			.active()
			.listPage(0, MAX_ITEMS)
			.forEach(task -> tasks.putIfAbsent(task.getId(), task));
		List<DigestItem> items = new ArrayList<>();
		for (Task task : tasks.values()) {
			Instant due = (task.getDueDate() != null) ? task.getDueDate().toInstant() : null;
			boolean overdue = due != null && due.isBefore(now);
			boolean soon = due != null && !overdue && due.isBefore(now.plus(this.dueSoon));
			items.add(
					new DigestItem(task.getId(), task.getName(), (due != null) ? due.toString() : null, overdue, soon));
		}
		items.sort(Comparator.comparing(DigestItem::overdue)
			.thenComparing(DigestItem::dueSoon)
			.reversed()
			.thenComparing(item -> (item.due() != null) ? item.due() : "~"));
		return items;
	}

	private String toJson(List<DigestItem> items) {
		try {
			return this.json.writeValueAsString(items);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One line of a digest. */
	public record DigestItem(String taskId, String taskName, String due, boolean overdue, boolean dueSoon) {
	}

}
