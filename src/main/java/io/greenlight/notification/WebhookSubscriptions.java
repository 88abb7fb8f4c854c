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
import io.greenlight.secrets.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook subscriptions, per project. Secrets are stored encrypted
 * ({@link SecretCipher}), with the id of the key that encrypted them; a row without a key
 * id holds a secret from before encryption, in plain text, until
 * {@link WebhookSecretsAtRest} encrypts it at the next start.
 */
@Repository
class WebhookSubscriptions {

	private static final String COLUMNS = "id, project_id, url, format, events, created_by, created_at";

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	WebhookSubscriptions(JdbcClient jdbc, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	WebhookSubscription create(String projectId, String url, String secret, WebhookFormat format,
			Set<NotificationEvent> events, String createdBy) {
		WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), projectId, url, format,
				events, createdBy, OffsetDateTime.now());
		this.jdbc
			.sql("INSERT INTO webhook_subscription (" + COLUMNS + ", secret, secret_key_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(subscription.id(), projectId, url, format.name(),
					events.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), createdBy,
					subscription.createdAt(), this.cipher.encrypt(secret), this.cipher.currentKeyId())
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

	/** The subscription's secret, decrypted, to sign a delivery with. */
	Optional<String> secret(String id) {
		return this.jdbc.sql("SELECT secret, secret_key_id FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query((rs, row) -> new StoredSecret(id, rs.getString("secret"), rs.getString("secret_key_id")))
			.optional()
			.map(this::plain);
	}

	/**
	 * Secrets not encrypted with this key: plain text ones, and those of an earlier key.
	 */
	List<StoredSecret> secretsNotEncryptedWith(String keyId) {
		return this.jdbc
			.sql("SELECT id, secret, secret_key_id FROM webhook_subscription "
					+ "WHERE secret_key_id IS NULL OR secret_key_id <> ? ORDER BY id")
			.param(keyId)
			.query((rs, row) -> new StoredSecret(rs.getString("id"), rs.getString("secret"),
					rs.getString("secret_key_id")))
			.list();
	}

	/**
	 * Replaces a stored secret by the same secret encrypted with the current key, unless
	 * another node did so meanwhile.
	 * @return whether this call replaced it
	 */
	boolean encryptAgain(StoredSecret stored) {
		String sealed = this.cipher.encrypt(plain(stored));
		return this.jdbc
			.sql("UPDATE webhook_subscription SET secret = ?, secret_key_id = ? WHERE id = ? AND secret = ?")
			.params(sealed, this.cipher.currentKeyId(), stored.id(), stored.value())
			.update() == 1;
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update();
	}

	private String plain(StoredSecret stored) {
		return (stored.keyId() == null) ? stored.value() : this.cipher.decrypt(stored.keyId(), stored.value());
	}

	private static WebhookSubscription map(ResultSet rs, int row) throws SQLException {
		Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
		Arrays.stream(rs.getString("events").split(","))
			.filter(name -> !name.isBlank())
			.forEach(name -> events.add(NotificationEvent.valueOf(name)));
		return new WebhookSubscription(rs.getString("id"), rs.getString("project_id"), rs.getString("url"),
				WebhookFormat.valueOf(rs.getString("format")), events, rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/**
	 * A secret as stored.
	 *
	 * @param value the ciphertext, or the plain secret when {@code keyId} is null
	 */
	record StoredSecret(String id, String value, String keyId) {
	}

}
