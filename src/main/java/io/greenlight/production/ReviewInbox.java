package io.greenlight.production;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.greenlight.approval.process.StakeholderReviewProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Greenlight's index of open review tasks by assignee ({@code review_inbox}), which
 * "awaiting my review" reads instead of joining the engine's tasks, executions and assets
 * for every open review (issue 14). {@link ReviewInboxListener} keeps it in the engine's
 * transaction; {@link #reconcile()} repairs it from the engine's tables at start-up, for
 * anything changed behind the engine's back.
 */
@Component
public class ReviewInbox {

	private static final Logger log = LoggerFactory.getLogger(ReviewInbox.class);

	private final JdbcClient jdbc;

	private final Set<String> reviewTaskKeys;

	ReviewInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
		// the review tasks of the stakeholder review process, which every workflow's
		// review stages call
		this.reviewTaskKeys = Set.copyOf(StakeholderReviewProcess.REVIEW_TASKS);
	}

	boolean isReview(String taskDefinitionKey) {
		return this.reviewTaskKeys.contains(taskDefinitionKey);
	}

	/**
	 * The task is (now) assigned to this user, or to nobody; it belongs to the production
	 * whose process instance is the root one.
	 */
	void assigned(String taskId, String userId, String rootProcessInstanceId) {
		removed(taskId);
		if (userId == null) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO review_inbox (task_id, user_id, asset_id, project_id, asset_created_at) "
					+ "SELECT ?, ?, id, project_id, created_at FROM asset WHERE process_instance_id = ?")
			.params(taskId, userId, rootProcessInstanceId)
			.update();
	}

	void removed(String taskId) {
		this.jdbc.sql("DELETE FROM review_inbox WHERE task_id = ?").param(taskId).update();
	}

	/**
	 * Brings the index in line with the engine: drops rows whose task is gone or has
	 * another assignee, adds the open, assigned review tasks it lacks.
	 */
	@Transactional
	public void reconcile() {
		int dropped = this.jdbc
			.sql("DELETE FROM review_inbox WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t "
					+ "WHERE t.ID_ = review_inbox.task_id AND t.ASSIGNEE_ = review_inbox.user_id)")
			.update();
		List<String> keys = List.copyOf(this.reviewTaskKeys);
		int added = this.jdbc
			.sql("INSERT INTO review_inbox (task_id, user_id, asset_id, project_id, asset_created_at) "
					+ "SELECT t.ID_, t.ASSIGNEE_, a.id, a.project_id, a.created_at FROM ACT_RU_TASK t "
					+ "JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
					+ "JOIN asset a ON a.process_instance_id = e.ROOT_PROC_INST_ID_ "
					+ "WHERE t.ASSIGNEE_ IS NOT NULL AND t.TASK_DEF_KEY_ IN ("
					+ String.join(", ", Collections.nCopies(keys.size(), "?")) + ") "
					+ "AND NOT EXISTS (SELECT 1 FROM review_inbox r WHERE r.task_id = t.ID_)")
			.params(keys)
			.update();
		if (dropped > 0 || added > 0) {
			log.info("Review inbox reconciled with the engine: {} rows dropped, {} added", dropped, added);
		}
	}

}
