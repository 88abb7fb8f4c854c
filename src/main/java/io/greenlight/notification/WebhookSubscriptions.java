package io.greenlight.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenlight.notification.WebhookSubscription.WebhookFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook subscriptions, per project.
 */
@Repository
class WebhookSubscriptions {

	private static final String COLUMNS = "id, project_id, url, secret, format, events, created_by, created_at";

	private final JdbcClient jdbc;

	WebhookSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WebhookSubscription create(String projectId, String url, String secret, WebhookFormat format,
			Set<NotificationEvent> events, String createdBy) {
		WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), projectId, url, secret,
				format, events, createdBy, OffsetDateTime.now());
		this.jdbc.sql("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(subscription.id(), projectId, url, secret, format.name(),
					events.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), createdBy,
					subscription.createdAt())
			.update();
		return subscription;
	}

	List<WebhookSubscription> ofProject(String projectId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE project_id = ? ORDER BY created_at, id")
			.param(projectId)
			.query(WebhookSubscriptions::map)
			.list();
	}

	/** The project's subscriptions to this event. */
	List<WebhookSubscription> subscribedTo(String projectId, NotificationEvent event) {
		return ofProject(projectId).stream().filter(subscription -> subscription.events().contains(event)).toList();
	}

	Optional<WebhookSubscription> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(WebhookSubscriptions::map)
			.optional();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update();
	}

	private static WebhookSubscription map(ResultSet rs, int row) throws SQLException {
		Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
		Arrays.stream(rs.getString("events").split(","))
			.filter(name -> !name.isBlank())
			.forEach(name -> events.add(NotificationEvent.valueOf(name)));
		return new WebhookSubscription(rs.getString("id"), rs.getString("project_id"), rs.getString("url"),
				rs.getString("secret"), WebhookFormat.valueOf(rs.getString("format")), events,
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

}
