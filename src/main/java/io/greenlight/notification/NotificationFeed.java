package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.system.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The in-app feed: each user's notifications, newest first, read or unread.
 */
@Repository
class NotificationFeed {

	private final JdbcClient jdbc;

	NotificationFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FeedItem> of(String user, boolean unreadOnly, Paging paging) {
		return this.jdbc
			.sql("SELECT id, event, subject, asset_id, version_id, task_id, created_at, read_at "
					+ "FROM notification_feed WHERE recipient = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
					+ " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(user, paging.size(), paging.offset())
			.query((rs, row) -> new FeedItem(rs.getString("id"), NotificationEvent.valueOf(rs.getString("event")),
					rs.getString("subject"), rs.getString("asset_id"), rs.getString("version_id"),
					rs.getString("task_id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("read_at", OffsetDateTime.class), rs.getObject("read_at") != null))
			.list();
	}

	int unread(String user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification_feed WHERE recipient = ? AND read_at IS NULL")
			.param(user)
			.query(Integer.class)
			.single();
	}

	int total(String user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification_feed WHERE recipient = ?")
			.param(user)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return false if the user has no such notification
	 */
	boolean markRead(String user, String id, OffsetDateTime now) {
		int found = this.jdbc.sql("SELECT COUNT(*) FROM notification_feed WHERE id = ? AND recipient = ?")
			.params(id, user)
			.query(Integer.class)
			.single();
		this.jdbc.sql("UPDATE notification_feed SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL")
			.params(now, id, user)
			.update();
		return found == 1;
	}

	int markAllRead(String user, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE notification_feed SET read_at = ? WHERE recipient = ? AND read_at IS NULL")
			.params(now, user)
			.update();
	}

	/**
	 * One notification in a user's feed.
	 *
	 * @param reviewRoom the review room of the version it is about (a path on this
	 * server), or null when it is about no version
	 */
	record FeedItem(String id, NotificationEvent event, String subject, String assetId, String versionId, String taskId,
			OffsetDateTime createdAt, OffsetDateTime readAt, boolean read, String reviewRoom) {

		FeedItem(String id, NotificationEvent event, String subject, String assetId, String versionId, String taskId,
				OffsetDateTime createdAt, OffsetDateTime readAt, boolean read) {
			this(id, event, subject, assetId, versionId, taskId, createdAt, readAt, read,
					Links.reviewRoomPath(versionId));
		}

	}

}
