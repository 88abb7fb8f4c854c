package io.greenlight.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.notification.WebhookSubscription.WebhookFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * POSTs a notification to a webhook subscription's URL. The body is signed with the
 * subscription's secret (HMAC-SHA256 in {@value #SIGNATURE_HEADER}: {@code sha256=<hex>})
 * and {@value #DELIVERY_HEADER} carries the idempotency key, so a receiver can check the
 * sender and drop a delivery it has seen. The body is the same at every attempt.
 */
@Component
class WebhookSender implements NotificationSender {

	static final String SIGNATURE_HEADER = "X-Greenlight-Signature";

	static final String DELIVERY_HEADER = "X-Greenlight-Delivery";

	static final String EVENT_HEADER = "X-Greenlight-Event";

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookSubscriptions subscriptions;

	private final Links links;

	private final ObjectMapper json;

	private final NotificationProperties.Webhook limits;

	private final HttpClient client;

	WebhookSender(WebhookSubscriptions subscriptions, Links links, ObjectMapper json,
			NotificationProperties properties) {
		this.subscriptions = subscriptions;
		this.links = links;
		this.json = json;
		this.limits = properties.webhook();
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.limits.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.WEBHOOK;
	}

	@Override
	public void send(OutboxNotification notification) throws IOException, InterruptedException {
		WebhookSubscription subscription = this.subscriptions.find(notification.recipient())
			.orElseThrow(() -> new UndeliverableException("The webhook subscription was deleted"));
		byte[] body = body(notification, subscription);
		HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
			.timeout(this.limits.readTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Greenlight-Webhook")
			.header(EVENT_HEADER, notification.event().name())
			.header(DELIVERY_HEADER, notification.idempotencyKey())
			.header(SIGNATURE_HEADER, "sha256=" + sign(subscription.secret(), body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() < 200 || response.statusCode() > 299) {
			throw new IOException("HTTP " + response.statusCode() + " from " + subscription.url());
		}
		log.info("Webhook delivered: {} to {} ({})", notification.event(), subscription.url(),
				notification.idempotencyKey());
	}

	/** The HMAC-SHA256 of the body with the secret, in lower-case hex. */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] body(OutboxNotification notification, WebhookSubscription subscription) throws IOException {
		String assetLink = this.links.asset(notification.assetId());
		String taskLink = this.links.task(notification.taskId());
		if (subscription.format() == WebhookFormat.SLACK) {
			StringBuilder text = new StringBuilder("*").append(notification.subject()).append("*");
			if (taskLink != null) {
				text.append("\n<").append(taskLink).append("|Open the task>");
			}
			if (assetLink != null) {
				text.append("\n<").append(assetLink).append("|The asset>");
			}
			return this.json.writeValueAsBytes(Map.of("text", text.toString()));
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("deliveryId", notification.idempotencyKey());
		payload.put("event", notification.event().name());
		payload.put("occurredAt", notification.createdAt().toInstant().toString());
		payload.put("subject", notification.subject());
		payload.put("projectId", subscription.projectId());
		payload.put("assetId", notification.assetId());
		payload.put("versionId", notification.versionId());
		payload.put("taskId", notification.taskId());
		payload.put("recipients", (notification.detail() != null)
				? this.json.readValue(notification.detail(), new TypeReference<List<String>>() {
				}) : List.of());
		Map<String, String> linkMap = new LinkedHashMap<>();
		linkMap.put("asset", assetLink);
		linkMap.put("task", taskLink);
		payload.put("links", linkMap);
		return this.json.writeValueAsBytes(payload);
	}

}
