package io.greenlight.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import io.greenlight.support.WebhookReceiver;
import io.greenlight.support.WebhookReceiver.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks over real HTTP: a project's producer subscribes an endpoint the test runs,
 * deliveries arrive signed (HMAC-SHA256) with their idempotency key, in Greenlight's JSON
 * or as a Slack message; an endpoint that keeps failing ends FAILED for creative-ops to
 * see and retry; what was sent is on record per asset and per user; bad requests are
 * refused with what is wrong. Secrets are stored encrypted. Webhooks reach no address of
 * this machine or its networks, in any notation, at subscription or at delivery, except
 * the receiver's 127.0.0.1, which the test profile allows as an operator would allow an
 * on-premises target.
 */
@ServerIT
@TestPropertySource(properties = { "greenlight.base-url=https://greenlight.test",
		"greenlight.notification.dispatcher.max-attempts=3" })
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
class WebhookNotificationsIT {

	private static final String SECRET = "a-shared-secret-for-the-test";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Http http;

	private final ProductionDriver productions;

	private final NotificationDispatcher dispatcher;

	private final JdbcClient jdbc;

	private final WebhookSecretsAtRest secretsAtRest;

	private final WebhookReceiver receiver = new WebhookReceiver();

	@Autowired
	WebhookNotificationsIT(@LocalServerPort int port, NotificationDispatcher dispatcher, JdbcClient jdbc,
			WebhookSecretsAtRest secretsAtRest) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.dispatcher = dispatcher;
		this.jdbc = jdbc;
		this.secretsAtRest = secretsAtRest;
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aSubscribedEndpointGetsSignedDeliveriesCarryingTheirIdempotencyKey() throws Exception {
		// given the producer subscribes an endpoint to review requests and new versions
		Http.Response created = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED", "VERSION_UPLOADED"], "secret": "%s"}"""
			.formatted(this.receiver.url("/hook"), SECRET));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("secret").asText()).isEqualTo(SECRET);
		String subscriptionId = created.json().at("/subscription/id").asText();
		JsonNode listed = this.http.get(Users.PRODUCER, "/api/projects/ACME-SUMMER/webhooks").json();
		assertThat(listed.findValuesAsText("id")).contains(subscriptionId);
		assertThat(listed.toString()).doesNotContain(SECRET);
		// and the secret is stored encrypted, not as the producer sent it
		StoredSecret stored = storedSecret(subscriptionId);
		assertThat(stored.keyId()).isNotBlank();
		assertThat(stored.value()).doesNotContain(SECRET).doesNotContain("shared-secret");

		// when a production reaches internal review and the dispatcher runs
		String assetId = this.productions.inInternalReview("Hook spot");
		this.dispatcher.dispatchDue();

		// then the endpoint got the brief's and both reviews' requests and the new
		// version
		List<Delivery> deliveries = this.receiver.deliveries("/hook")
			.stream()
			.filter(delivery -> delivery.bodyText().contains(assetId))
			.toList();
		assertThat(deliveries).extracting(delivery -> delivery.header("X-Greenlight-Event"))
			.containsExactlyInAnyOrder("REVIEW_REQUESTED", "REVIEW_REQUESTED", "REVIEW_REQUESTED", "VERSION_UPLOADED");
		for (Delivery delivery : deliveries) {
			// each signed with the shared secret, as a receiver would check it
			assertThat(delivery.header("X-Greenlight-Signature")).isEqualTo("sha256=" + hmac(SECRET, delivery.body()));
			JsonNode payload = JSON.readTree(delivery.body());
			assertThat(delivery.header("X-Greenlight-Delivery")).isEqualTo(payload.get("deliveryId").asText())
				.endsWith(":" + subscriptionId + ":WEBHOOK");
			assertThat(payload.get("assetId").asText()).isEqualTo(assetId);
			assertThat(payload.get("reference").asText()).isEqualTo(this.productions.reference(assetId));
			assertThat(payload.at("/links/asset").asText())
				.isEqualTo("https://greenlight.test/assets/" + this.productions.reference(assetId));
		}
		JsonNode internalReview = deliveries.stream()
			.map(delivery -> read(delivery.body()))
			.filter(payload -> payload.get("subject")
				.asText()
				.equals("Please review: Internal review: Hook spot v1 (" + this.productions.reference(assetId) + ")"))
			.findFirst()
			.orElseThrow();
		assertThat(internalReview.at("/links/task").asText())
			.startsWith("https://greenlight.test/camunda/app/tasklist/default/#/?task=");
		assertThat(internalReview.get("recipients")).hasSize(1);

		// and a delivery is made once: the next round sends nothing again
		this.dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(1)));
		assertThat(this.receiver.deliveries("/hook").stream().filter(d -> d.bodyText().contains(assetId))).hasSize(4);

		// when the producer deletes the subscription, nothing more arrives
		assertThat(this.http
			.send(this.http.request(Users.PRODUCER, "/api/projects/ACME-SUMMER/webhooks/" + subscriptionId).DELETE())
			.status()).isEqualTo(204);
		this.productions.start("After the hook");
		this.dispatcher.dispatchDue();
		assertThat(this.receiver.deliveries("/hook").stream().filter(d -> d.bodyText().contains("After the hook")))
			.isEmpty();
	}

	@Test
	void aSlackSubscriptionGetsASlackMessage() throws Exception {
		Http.Response created = subscribe(Users.OPS, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"], "format": "slack"}"""
			.formatted(this.receiver.url("/slack")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String secret = created.json().get("secret").asText();
		assertThat(secret).hasSize(64);

		String assetId = this.productions.start("Slack spot");
		this.dispatcher.dispatchDue();

		Delivery delivery = this.receiver.deliveries("/slack")
			.stream()
			.filter(d -> d.bodyText().contains("Slack spot"))
			.findFirst()
			.orElseThrow();
		JsonNode message = JSON.readTree(delivery.body());
		assertThat(message.get("text").asText())
			.startsWith("*Please decide: Approve brief: Slack spot (" + this.productions.reference(assetId) + ")*")
			.contains("|Open the task>");
		assertThat(delivery.header("X-Greenlight-Signature")).isEqualTo("sha256=" + hmac(secret, delivery.body()));
	}

	@Test
	void anEndpointThatKeepsFailingEndsFailedAndCreativeOpsCanRetryIt() {
		// given an endpoint that answers 500
		this.receiver.answer("/broken", 500);
		String subscriptionId = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(this.receiver.url("/broken"))).json()
			.at("/subscription/id")
			.asText();
		String assetId = this.productions.start("Broken hook spot");

		// when the dispatcher tries three times (the configured maximum), backing off
		Instant now = Instant.now();
		for (int round = 0; round < 3; round++) {
			this.dispatcher.dispatchDue(now.plus(Duration.ofHours(round)));
		}

		// then the notification is FAILED with the endpoint's answer, for creative-ops
		assertThat(this.receiver.deliveries("/broken")).hasSize(3);
		JsonNode failed = failedFor(subscriptionId);
		assertThat(failed.get("status").asText()).isEqualTo("FAILED");
		assertThat(failed.get("attempts").asInt()).isEqualTo(3);
		assertThat(failed.get("lastError").asText()).contains("HTTP 500 from " + this.receiver.url("/broken"));
		assertThat(this.http.get(Users.PRODUCER, "/api/notifications/failed").status()).isEqualTo(403);

		// when the endpoint is fixed and ops retries it, it is delivered, once
		this.receiver.answer("/broken", 204);
		String id = failed.get("id").asText();
		Http.Response retried = this.http.postJson(Users.OPS, "/api/notifications/outbox/" + id + "/retry", "");
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().get("status").asText()).isEqualTo("PENDING");
		this.dispatcher.dispatchDue();
		assertThat(this.receiver.deliveries("/broken")).extracting(Delivery::answeredWith)
			.containsExactly(500, 500, 500, 204);
		Http.Response again = this.http.postJson(Users.OPS, "/api/notifications/outbox/" + id + "/retry", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("is SENT, not FAILED");

		// and the log of the asset shows what was sent to whom and when
		JsonNode log = this.http.get(Users.PRODUCER, "/api/notifications/log?assetId=" + assetId).json();
		JsonNode webhook = find(log, "recipient", subscriptionId);
		assertThat(webhook.get("status").asText()).isEqualTo("SENT");
		assertThat(webhook.get("sentAt").isNull()).isFalse();
		assertThat(find(log, "recipient", "producer").get("channel").asText()).isEqualTo("EMAIL");
		assertThat(this.http.get(Users.REVIEWER3, "/api/notifications/log?assetId=" + assetId).status()).isEqualTo(404);
	}

	@Test
	void aSecretStoredInPlainTextBeforeEncryptionIsEncryptedAtStartAndStillSigns() throws Exception {
		// given a subscription whose secret is stored as before encryption: in plain text
		String subscriptionId = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(this.receiver.url("/old"))).json()
			.at("/subscription/id")
			.asText();
		String oldSecret = "a-secret-from-before-encryption";
		this.jdbc.sql("UPDATE webhook_subscription SET secret = ?, secret_key_id = NULL WHERE id = ?")
			.params(oldSecret, subscriptionId)
			.update();

		// when the server starts (its start-up step runs), twice
		this.secretsAtRest.run(null);
		StoredSecret once = storedSecret(subscriptionId);
		this.secretsAtRest.run(null);

		// then the secret is encrypted, once
		assertThat(once.keyId()).isNotBlank();
		assertThat(once.value()).doesNotContain(oldSecret);
		assertThat(storedSecret(subscriptionId)).isEqualTo(once);

		// and deliveries are still signed with the secret the receiver holds
		this.productions.start("Old secret spot");
		this.dispatcher.dispatchDue();
		Delivery delivery = this.receiver.deliveries("/old")
			.stream()
			.filter(d -> d.bodyText().contains("Old secret spot"))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.header("X-Greenlight-Signature")).isEqualTo("sha256=" + hmac(oldSecret, delivery.body()));
	}

	@Test
	void destinationsOnThisMachineOrItsNetworksAreRefusedInEveryNotation() {
		int port = Integer.parseInt(this.receiver.url("").replaceAll(".*:", ""));
		String nonStandard = "is neither a valid host name nor an IP address in standard notation";
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("http://localhost:%d/hook", "Host 'localhost' resolves to 127.0.0.1, a loopback address");
		refusals.put("http://LOCALHOST.:%d/hook", "Host 'LOCALHOST.' resolves to 127.0.0.1, a loopback address");
		refusals.put("http://api.localhost:%d/hook", "Host 'api.localhost' is a name for this server itself");
		refusals.put("http://127.0.0.2:5432/", "Host '127.0.0.2' is a loopback address (127.0.0.0/8)");
		refusals.put("http://2130706433:%d/hook", "Host '2130706433' " + nonStandard);
		refusals.put("http://017700000001:%d/hook", "Host '017700000001' " + nonStandard);
		refusals.put("http://0x7f000001:%d/hook", "Host '0x7f000001' " + nonStandard);
		refusals.put("http://0x7f.0.0.1:%d/hook", "Host '0x7f.0.0.1' " + nonStandard);
		refusals.put("http://0177.0.0.1:%d/hook", "Host '0177.0.0.1' " + nonStandard);
		refusals.put("http://127.1:%d/hook", "Host '127.1' " + nonStandard);
		refusals.put("http://127.0.0.1.:%d/hook", "Host '127.0.0.1.' " + nonStandard);
		refusals.put("http://[::1]:%d/hook", "Host '[::1]' is a loopback address (::1/128)");
		refusals.put("http://[::ffff:127.0.0.1]:%d/hook", "Host '[::ffff:127.0.0.1]' is an IPv4-mapped IPv6 address");
		refusals.put("http://[::ffff:7f00:1]:%d/hook", "Host '[::ffff:7f00:1]' is an IPv4-mapped IPv6 address");
		refusals.put("http://0.0.0.0:%d/hook", "Host '0.0.0.0' is an unspecified ('this network') address");
		refusals.put("http://[::]:%d/hook", "Host '[::]' is the unspecified address (::/128)");
		refusals.put("http://169.254.169.254/latest/meta-data/", "Host '169.254.169.254' is a link-local address");
		refusals.put("http://[fe80::1]/hook", "Host '[fe80::1]' is a link-local address (fe80::/10)");
		refusals.put("http://10.0.0.1/hook", "Host '10.0.0.1' is a private address (RFC 1918) (10.0.0.0/8)");
		refusals.put("http://172.16.0.1/hook", "Host '172.16.0.1' is a private address (RFC 1918) (172.16.0.0/12)");
		refusals.put("http://192.168.1.1/hook", "Host '192.168.1.1' is a private address (RFC 1918) (192.168.0.0/16)");
		refusals.put("http://100.64.0.1/hook", "Host '100.64.0.1' is a carrier-grade NAT address (RFC 6598)");
		refusals.put("http://[fd00::1]/hook", "Host '[fd00::1]' is a unique-local address (fc00::/7)");
		refusals.put("http://224.0.0.1/hook", "Host '224.0.0.1' is a multicast address (224.0.0.0/4)");
		refusals.put("gopher://127.0.0.1:6379/_INFO", "url must be an absolute http or https address");

		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			String url = refusal.getKey().formatted(port);
			Http.Response answer = subscribe(Users.PRODUCER, """
					{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(url));
			if (answer.status() == 201) {
				// accepted by mistake: remove it before any delivery could reach it
				unsubscribe(answer.json().at("/subscription/id").asText());
			}
			assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.json().get("detail").asText()).as(url).contains(refusal.getValue());
		}

		// while the on-premises target the operator allowed is accepted, as written
		Http.Response allowed = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(this.receiver.url("/on-premises")));
		assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
		unsubscribe(allowed.json().at("/subscription/id").asText());
		assertThat(this.receiver.deliveries()).isEmpty();
	}

	@Test
	void aSubscriptionThatNowLeadsToThisMachineIsRefusedAtDeliveryWithoutContactingIt() {
		// given a subscription to the allowed receiver whose URL now names this machine
		// otherwise (as after a DNS change, or when it was stored before the check)
		String subscriptionId = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(this.receiver.url("/before"))).json()
			.at("/subscription/id")
			.asText();
		String moved = this.receiver.url("/after").replace("127.0.0.1", "localhost");
		this.jdbc.sql("UPDATE webhook_subscription SET url = ? WHERE id = ?").params(moved, subscriptionId).update();
		String assetId = this.productions.start("Rebound spot");

		// when the dispatcher tries three times (the configured maximum)
		Instant now = Instant.now();
		for (int round = 0; round < 3; round++) {
			this.dispatcher.dispatchDue(now.plus(Duration.ofHours(round)));
		}

		// then nothing reached the receiver, and the delivery is FAILED saying why
		assertThat(this.receiver.deliveries()).isEmpty();
		JsonNode failed = failedFor(subscriptionId);
		assertThat(failed.get("attempts").asInt()).isEqualTo(3);
		String why = "Host 'localhost' resolves to 127.0.0.1, a loopback address";
		assertThat(failed.get("lastError").asText()).contains(why);

		// and of the project's members, only its producers read why
		JsonNode producerView = find(this.http.get(Users.PRODUCER, "/api/notifications/log?assetId=" + assetId).json(),
				"recipient", subscriptionId);
		assertThat(producerView.get("lastError").asText()).contains(why);
		for (String member : List.of(Users.CLIENT, Users.REVIEWER1, Users.CREATIVE)) {
			JsonNode memberView = find(this.http.get(member, "/api/notifications/log?assetId=" + assetId).json(),
					"recipient", subscriptionId);
			assertThat(memberView.get("status").asText()).as(member).isEqualTo("FAILED");
			assertThat(memberView.get("lastError").isNull()).as(member + " sees " + memberView).isTrue();
		}
	}

	@Test
	void aRedirectIsAnAnswerNotAnAddressToFollow() {
		// given an allowed endpoint that redirects to another address of this machine
		this.receiver.redirect("/redirect", this.receiver.url("/internal").replace("127.0.0.1", "localhost"));
		String subscriptionId = subscribe(Users.PRODUCER, """
				{"url": "%s", "events": ["REVIEW_REQUESTED"]}""".formatted(this.receiver.url("/redirect"))).json()
			.at("/subscription/id")
			.asText();

		// when a notification is delivered to it
		this.productions.start("Redirected spot");
		this.dispatcher.dispatchDue();

		// then the redirect was not followed: the attempt failed with the answer
		assertThat(this.receiver.deliveries("/redirect")).extracting(Delivery::answeredWith).containsExactly(302);
		assertThat(this.receiver.deliveries("/internal")).isEmpty();
		JsonNode attempt = find(this.http.get(Users.OPS, "/api/notifications/log?recipient=" + subscriptionId).json(),
				"recipient", subscriptionId);
		assertThat(attempt.get("status").asText()).isEqualTo("PENDING");
		assertThat(attempt.get("lastError").asText()).contains("HTTP 302 from " + this.receiver.url("/redirect"));
	}

	@Test
	void badSubscriptionsAreRefusedWithWhatIsWrong() {
		Http.Response ftp = subscribe(Users.PRODUCER, """
				{"url": "ftp://files.example/hook", "events": ["ASSET_DELIVERED"]}""");
		Http.Response unknownEvent = subscribe(Users.PRODUCER, """
				{"url": "https://hooks.example/x", "events": ["ASSET_EXPLODED"]}""");
		Http.Response noEvents = subscribe(Users.PRODUCER, """
				{"url": "https://hooks.example/x", "events": []}""");
		Http.Response badFormat = subscribe(Users.PRODUCER, """
				{"url": "https://hooks.example/x", "events": ["ASSET_DELIVERED"], "format": "xml"}""");
		Http.Response shortSecret = subscribe(Users.PRODUCER, """
				{"url": "https://hooks.example/x", "events": ["ASSET_DELIVERED"], "secret": "short"}""");
		Http.Response creative = subscribe(Users.CREATIVE, """
				{"url": "https://hooks.example/x", "events": ["ASSET_DELIVERED"]}""");
		Http.Response outsider = subscribe(Users.REVIEWER3, """
				{"url": "https://hooks.example/x", "events": ["ASSET_DELIVERED"]}""");

		assertThat(ftp.status()).isEqualTo(400);
		assertThat(ftp.json().get("detail").asText()).contains("url must be an absolute http or https address");
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.json().get("detail").asText()).contains("Unknown event type 'ASSET_EXPLODED'")
			.contains("ASSET_DELIVERED");
		assertThat(noEvents.status()).isEqualTo(400);
		assertThat(noEvents.json().get("detail").asText()).contains("events is required");
		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(badFormat.json().get("detail").asText()).contains("Unknown format 'xml'");
		assertThat(shortSecret.status()).isEqualTo(400);
		assertThat(shortSecret.json().get("detail").asText()).contains("secret must be 16 to 200 characters");
		assertThat(creative.status()).isEqualTo(403);
		assertThat(creative.json().get("detail").asText()).contains("Only the project's producers and creative-ops");
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(this.http.get(Users.CLIENT, "/api/projects/ACME-SUMMER/webhooks").status()).isEqualTo(403);
		assertThat(this.http.get(Users.REVIEWER3, "/api/projects/ACME-SUMMER/webhooks").status()).isEqualTo(404);
	}

	private Http.Response subscribe(String user, String json) {
		return this.http.postJson(user, "/api/projects/ACME-SUMMER/webhooks", json);
	}

	private void unsubscribe(String subscriptionId) {
		this.http
			.send(this.http.request(Users.PRODUCER, "/api/projects/ACME-SUMMER/webhooks/" + subscriptionId).DELETE());
	}

	private StoredSecret storedSecret(String subscriptionId) {
		return this.jdbc.sql("SELECT secret, secret_key_id FROM webhook_subscription WHERE id = ?")
			.param(subscriptionId)
			.query((rs, row) -> new StoredSecret(rs.getString("secret"), rs.getString("secret_key_id")))
			.single();
	}

	private JsonNode failedFor(String subscriptionId) {
		return find(this.http.get(Users.OPS, "/api/notifications/failed").json(), "recipient", subscriptionId);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.get(field).asText().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("No " + field + "=" + value + " in " + array);
	}

	private static JsonNode read(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A secret as the table holds it. */
	private record StoredSecret(String value, String keyId) {
	}

	private static String hmac(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		StringBuilder hex = new StringBuilder();
		for (byte b : mac.doFinal(body)) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

}
