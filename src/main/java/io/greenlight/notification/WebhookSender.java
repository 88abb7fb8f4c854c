package io.greenlight.notification;

import java.io.IOException;
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
import io.greenlight.notification.WebhookDestinations.Destination;
import io.greenlight.notification.WebhookSubscription.WebhookFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * POSTs a notification to a webhook subscription's URL. The body is signed with the
 * subscription's secret (HMAC-SHA256 in {@value #SIGNATURE_HEADER}: {@code sha256=<hex>})
 * and {@value #DELIVERY_HEADER} carries the idempotency key, so a receiver can check the
 * sender and drop a delivery it has seen. The body is the same at every attempt. The URL
 * is checked before every attempt ({@link WebhookDestinations}) and the call goes to the
 * address that check approved ({@link WebhookClient}).
 */
@Component
class WebhookSender implements NotificationSender {

	static final String SIGNATURE_HEADER = "X-Greenlight-Signature";

	static final String DELIVERY_HEADER = "X-Greenlight-Delivery";

	static final String EVENT_HEADER = "X-Greenlight-Event";

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookSubscriptions subscriptions;

	private final WebhookDestinations destinations;

	private final WebhookClient client;

	private final Links links;

	private final ObjectMapper json;

	WebhookSender(WebhookSubscriptions subscriptions, WebhookDestinations destinations, WebhookClient client,
			Links links, ObjectMapper json) {
		this.subscriptions = subscriptions;
		this.destinations = destinations;
		this.client = client;
		this.links = links;
		this.json = json;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.WEBHOOK;
	}

	/**
	 * @throws RefusedDestinationException when the URL may not be called now (checked
	 * again at each attempt: DNS may have changed, or the subscription predates the
	 * check); retried like any failure, and nothing is sent
	 */
	@Override
	public void send(OutboxNotification notification) throws IOException {
		WebhookSubscription subscription = this.subscriptions.find(notification.recipient())
			.orElseThrow(WebhookSender::deleted);
		String secret = this.subscriptions.secret(subscription.id()).orElseThrow(WebhookSender::deleted);
		Destination destination = this.destinations.check(subscription.url());
		byte[] body = body(notification, subscription);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(EVENT_HEADER, notification.event().name());
		headers.put(DELIVERY_HEADER, notification.idempotencyKey());
		headers.put(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
		int status = this.client.post(destination, headers, body);
		if (status < 200 || status > 299) {
			throw new IOException("HTTP " + status + " from " + subscription.url());
		}
		log.info("Webhook delivered: {} to {} ({})", notification.event(), subscription.url(),
				notification.idempotencyKey());
	}

	private static UndeliverableException deleted() {
		return new UndeliverableException("The webhook subscription was deleted");
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
		// one lookup of the asset per delivery: its reference, and its page from it
		String reference = this.links.reference(notification.assetId());
		String assetLink = this.links.assetPage(reference);
		String taskLink = this.links.task(notification.taskId());
		String reviewRoomLink = this.links.reviewRoom(notification.versionId());
		if (subscription.format() == WebhookFormat.SLACK) {
			StringBuilder text = new StringBuilder("*").append(notification.subject()).append("*");
			if (reviewRoomLink != null) {
				text.append("\n<").append(reviewRoomLink).append("|Open the review room>");
			}
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
		payload.put("reference", reference);
		payload.put("versionId", notification.versionId());
		payload.put("taskId", notification.taskId());
		payload.put("recipients", (notification.detail() != null)
				? this.json.readValue(notification.detail(), new TypeReference<List<String>>() {
				}) : List.of());
		Map<String, String> linkMap = new LinkedHashMap<>();
		linkMap.put("asset", assetLink);
		linkMap.put("task", taskLink);
		linkMap.put("reviewRoom", reviewRoomLink);
		payload.put("links", linkMap);
		return this.json.writeValueAsBytes(payload);
	}

}
