package io.greenlight.notification;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice of which events reach them on which channel, and whether review
 * requests and reminders come bundled in one daily digest. Without a choice of their own,
 * a user gets every event by email and in the app, one by one.
 */
@Service
@Transactional
public class NotificationPreferences {

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether this user wants this event on this channel. */
	public boolean wants(String userId, NotificationEvent event, NotificationChannel channel) {
		return this.jdbc
			.sql("SELECT enabled FROM notification_preference WHERE user_id = ? AND event = ? AND channel = ?")
			.params(userId, event.name(), channel.name())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Whether this user gets the daily digest instead of digested events one by one. */
	public boolean dailyDigest(String userId) {
		return this.jdbc.sql("SELECT daily_digest FROM notification_setting WHERE user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Everything this user chose, defaults filled in. */
	public Preferences of(String userId) {
		Map<NotificationEvent, Map<NotificationChannel, Boolean>> events = new EnumMap<>(NotificationEvent.class);
		for (NotificationEvent event : NotificationEvent.values()) {
			if (event == NotificationEvent.DAILY_DIGEST) {
				continue;
			}
			Map<NotificationChannel, Boolean> channels = new EnumMap<>(NotificationChannel.class);
			channels.put(NotificationChannel.EMAIL, true);
			channels.put(NotificationChannel.IN_APP, true);
			events.put(event, channels);
		}
		this.jdbc.sql("SELECT event, channel, enabled FROM notification_preference WHERE user_id = ?")
			.param(userId)
			.query((rs, row) -> {
				NotificationEvent event = NotificationEvent.valueOf(rs.getString("event"));
				if (events.containsKey(event)) {
					events.get(event)
						.put(NotificationChannel.valueOf(rs.getString("channel")), rs.getBoolean("enabled"));
				}
				return event;
			})
			.list();
		return new Preferences(dailyDigest(userId), events);
	}

	/** Stores what the user changed; what they did not mention stays as it was. */
	public Preferences update(String userId, Boolean dailyDigest,
			Map<NotificationEvent, Map<NotificationChannel, Boolean>> changes) {
		if (dailyDigest != null) {
			int updated = this.jdbc.sql("UPDATE notification_setting SET daily_digest = ? WHERE user_id = ?")
				.params(dailyDigest, userId)
				.update();
			if (updated == 0) {
				this.jdbc.sql("INSERT INTO notification_setting (user_id, daily_digest) VALUES (?, ?)")
					.params(userId, dailyDigest)
					.update();
			}
		}
		changes.forEach((event, channels) -> channels.forEach((channel, enabled) -> {
			this.jdbc.sql("DELETE FROM notification_preference WHERE user_id = ? AND event = ? AND channel = ?")
				.params(userId, event.name(), channel.name())
				.update();
			this.jdbc.sql("INSERT INTO notification_preference (user_id, event, channel, enabled) VALUES (?, ?, ?, ?)")
				.params(userId, event.name(), channel.name(), enabled)
				.update();
		}));
		return of(userId);
	}

	/**
	 * @param dailyDigest review requests and reminders come in one email a day
	 * @param events per event, per channel (EMAIL, IN_APP): on or off
	 */
	public record Preferences(boolean dailyDigest, Map<NotificationEvent, Map<NotificationChannel, Boolean>> events) {
	}

}
