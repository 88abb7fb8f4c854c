package io.greenlight.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import io.greenlight.support.BrowserSession;
import io.greenlight.support.GreenlightNode;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.S3Server;
import io.greenlight.support.StreamedRequest;
import io.greenlight.support.TestFiles;
import io.greenlight.support.TestSmtp;
import io.greenlight.support.Users;
import io.greenlight.support.WebhookReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Greenlight nodes, each a process of its own started from the packaged jar, on one
 * PostgreSQL database and one S3 bucket (S3Proxy), with a real SMTP server and a webhook
 * receiver. Users' requests are spread over both nodes; one node is killed with SIGKILL
 * in the middle of them and started again, and then the database restarts under load.
 * Afterwards nothing is lost, doubled, half-written or stuck. PostgreSQL only: two nodes
 * need a database server they share.
 */
@Tag("own-server")
@EnabledIfSystemProperty(named = "greenlight.test.profile", matches = "postgres",
		disabledReason = "two nodes need a database server they share: run with -Dgreenlight.test.profile=postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDrillIT {

	// short, so that what a killed node held is taken over within the drill
	private static final Duration JOB_LOCK_TIME = Duration.ofSeconds(10);

	private static final Duration NOTIFICATION_LEASE = Duration.ofSeconds(10);

	private static final Duration SETTLE = JOB_LOCK_TIME.plus(NOTIFICATION_LEASE).plusSeconds(40);

	private static final String[] WEBHOOK_EVENTS = { "VERSION_UPLOADED", "REVIEW_REQUESTED", "DECISION_MADE",
			"ASSET_APPROVED", "ASSET_DELIVERED" };

	private final GreenMail smtp = TestSmtp.server(TestSmtp.freePort());

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final S3Server s3 = S3Server.get();

	private final String bucket = this.s3.newBucket("cluster-drill");

	private Cluster cluster;

	@BeforeAll
	void startCluster() {
		this.smtp.start();
		this.cluster = new Cluster(
				Map.ofEntries(Map.entry("spring.profiles.active", "demo,postgres"),
						Map.entry("spring.mail.host", "127.0.0.1"),
						Map.entry("spring.mail.port", String.valueOf(this.smtp.getSmtp().getPort())),
						Map.entry("greenlight.notification.webhook.allowed-hosts", "127.0.0.1"),
						Map.entry("greenlight.notification.dispatcher.interval", "PT1S"),
						Map.entry("greenlight.notification.dispatcher.idle-interval", "PT1S"),
						Map.entry("greenlight.notification.dispatcher.lease", NOTIFICATION_LEASE.toString()),
						Map.entry("greenlight.notification.dispatcher.initial-backoff", "PT1S"),
						Map.entry("greenlight.notification.dispatcher.max-backoff", "PT2S"),
						// each node sends two notifications at a time: a hanging receiver
						// holds
						// both
						// nodes' dispatchers, and each node holds claims of its own
						Map.entry("greenlight.notification.dispatcher.batch-size", "1"),
						Map.entry("greenlight.notification.dispatcher.senders", "2"),
						Map.entry("greenlight.notification.webhook.read-timeout", "PT60S"),
						Map.entry("camunda.bpm.job-execution.lock-time-in-millis",
								String.valueOf(JOB_LOCK_TIME.toMillis())),
						Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "500"),
						Map.entry("camunda.bpm.job-execution.max-wait", "2000")),
				// one bucket for both, set the way an operator does: GREENLIGHT_S3_*
				this.s3.greenlightEnvironment(this.bucket))
			.start();
		Http.Response subscribed = new Http(this.cluster.a.port()).postJson(Users.PRODUCER,
				"/api/projects/ACME-SUMMER/webhooks", """
						{"url": "%s", "events": ["%s"], "secret": "drill-secret-0123456789"}"""
					.formatted(this.receiver.url("/drill"), String.join("\", \"", WEBHOOK_EVENTS)));
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
	}

	@AfterAll
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
		this.receiver.close();
		this.smtp.stop();
	}

	@Test
	@Order(1)
	void aUserSignedInOnOneNodeKeepsWorkingWhenTheNextRequestsGoToTheOther() {
		// given the producer signs in on node A
		BrowserSession onA = new BrowserSession(this.cluster.a.port());
		assertThat(onA.signIn(Users.PRODUCER, Users.PASSWORD)).endsWith("/camunda/app/tasklist/default/");
		assertThat(onA.postJson("/camunda/api/engine/engine/default/task/count", "{}").statusCode()).isEqualTo(200);

		// when the load balancer sends their next requests to node B
		BrowserSession onB = onA.via(this.cluster.b.port());

		// then node B knows them: Greenlight's API and pages, and Tasklist's API with the
		// CSRF token node A handed out
		assertThat(onB.get("/api/assets").statusCode()).isEqualTo(200);
		assertThat(onB.get("/board").statusCode()).isEqualTo(200);
		var tasks = onB.postJson("/camunda/api/engine/engine/default/task/count", "{}");
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		assertThat(tasks.body()).contains("\"count\"");
		assertThat(this.cluster.count("SELECT count(*) FROM spring_session WHERE principal_name = ?", Users.PRODUCER))
			.isPositive();

		// and signing out on node B signs them out of node A as well
		assertThat(onB.signOutFrom("/board")).endsWith("/login?logout");
		assertThat(onA.get("/api/assets").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(2)
	void aNodeKilledMidStreamLosesNothingDoublesNothingAndLeavesNoHalfWrittenVersion() throws Exception {
		// given four productions waiting for their first version, started over both nodes
		List<String> assets = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			assets.add(driver(i).waitingForAVersion("Drill cut " + (i + 1)));
		}
		// and a reviewer signed in on node B
		BrowserSession reviewerOnB = new BrowserSession(this.cluster.b.port());
		reviewerOnB.signIn(Users.REVIEWER1, Users.PASSWORD);

		// and a webhook receiver that hangs: both nodes' dispatchers wait on it
		this.receiver.hold("/drill");
		// and an 8 MB upload streaming into node B, stalled halfway
		byte[] cut = TestFiles.file(TestFiles.MP4_HEADER, 8 * 1024 * 1024, 16);
		StalledUpload stalled = new StalledUpload(cut);
		ExecutorService requests = Executors.newFixedThreadPool(8);
		Future<StreamedRequest.Answer> upload = requests
			.submit(() -> new StreamedRequest(this.cluster.b.port()).sized(Users.CREATIVE,
					"/api/assets/" + assets.get(0) + "/versions", stalled.contentType(), stalled, stalled.length()));
		stalled.awaitHalfway();
		// and the other three uploaded over both nodes
		for (int i = 1; i < 4; i++) {
			Http.Response uploaded = driver(i).upload(Users.CREATIVE, assets.get(i), "cut.mp4",
					TestFiles.file(TestFiles.MP4_HEADER, 64 * 1024, i), "First cut");
			assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		}
		List<String> versions = new ArrayList<>(Collections.nCopies(4, (String) null));
		for (int i = 1; i < 4; i++) {
			driver(0).awaitTask(Users.REVIEWER2, assets.get(i), "UserTask_ReviewAsset");
			versions.set(i, driver(0).latestVersionId(assets.get(i)));
		}

		// and the reviewers have been working on both nodes (a node slows down a burst of
		// sign-ins from an address it has not seen them sign in from: the sign-in
		// throttle)
		for (int node = 0; node < 2; node++) {
			for (String reviewer : List.of(Users.REVIEWER1, Users.REVIEWER2)) {
				assertThat(new Http(this.cluster.node(node).port()).get(reviewer, "/api/assets").status())
					.isEqualTo(200);
			}
		}

		// when the internal reviewers' six decisions go out over both nodes at once
		List<Future<Integer>> decisions = new ArrayList<>();
		AtomicInteger spread = new AtomicInteger();
		for (int i = 1; i < 4; i++) {
			for (String reviewer : List.of(Users.REVIEWER1, Users.REVIEWER2)) {
				String version = versions.get(i);
				int node = spread.getAndIncrement();
				decisions.add(requests.submit(() -> decide(node, reviewer, version, "APPROVED")));
			}
		}
		// and node B is killed in the middle of them, of the upload and of a webhook
		// delivery it is making
		String claimsOfB = this.cluster.b.pid() + "@%";
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveringNow(claimsOfB));
		int jobsLockedAtKill = (int) this.cluster
			.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()");
		int claimedByBAtKill = (int) this.cluster
			.count("SELECT count(*) FROM notification WHERE status = 'PENDING' AND claimed_by LIKE ?", claimsOfB);
		this.cluster.b.kill();
		stalled.release();
		this.receiver.release("/drill");

		// then each decision is on record once, whichever node took it (a decision sent
		// again after its node died hears it is on record already: 409)
		for (Future<Integer> decision : decisions) {
			assertThat(decision.get(60, TimeUnit.SECONDS)).isIn(204, 409);
		}
		// and the stalled upload got no answer, and no version: its production still
		// waits for version 1
		assertThat(answerOf(upload)).isNotEqualTo(201);
		assertThat(versionsOf(assets.get(0))).isZero();
		// and nothing of it is in the bucket: no object, no upload left open
		assertThat(this.s3.keys(this.bucket)).noneMatch(key -> key.endsWith(TestFiles.sha256(cut)));
		assertThat(this.s3.pendingUploads(this.bucket)).isEmpty();

		// when node B is started again
		this.cluster.b.start().awaitReady();

		// then the reviewer signed in there before is still signed in
		assertThat(reviewerOnB.get("/api/assets").statusCode()).isEqualTo(200);
		// and the creative uploads the killed upload's version again: it becomes version
		// 1
		Http.Response again = driver(1).upload(Users.CREATIVE, assets.get(0), "cut.mp4", cut, "First cut");
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("number").asInt()).isEqualTo(1);
		driver(0).awaitTask(Users.REVIEWER1, assets.get(0), "UserTask_ReviewAsset");
		versions.set(0, driver(0).latestVersionId(assets.get(0)));
		// and every production goes on to its end over both nodes
		for (String reviewer : List.of(Users.REVIEWER1, Users.REVIEWER2)) {
			assertThat(decide(0, reviewer, versions.get(0), "APPROVED")).isEqualTo(204);
		}
		for (int i = 0; i < 4; i++) {
			driver(i).awaitTask(Users.CLIENT, assets.get(i), "UserTask_ReviewAsset");
			assertThat(decide(i, Users.CLIENT, versions.get(i), "APPROVED")).isEqualTo(204);
		}
		for (String asset : assets) {
			await().atMost(SETTLE)
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(
						() -> assertThat(new Http(this.cluster.a.port()).get(Users.PRODUCER, "/api/assets/" + asset)
							.json()
							.at("/asset/status")
							.asText()).isEqualTo("DELIVERED"));
		}

		// and no decision was lost or doubled: three on each version 1, one per reviewer
		for (int i = 0; i < 4; i++) {
			assertThat(decidersOf(versions.get(i))).as("decisions on v1 of " + assets.get(i))
				.containsExactlyInAnyOrder(Users.REVIEWER1, Users.REVIEWER2, Users.CLIENT);
		}
		assertThat(this.cluster.count("SELECT count(*) FROM asset_version v JOIN asset a ON a.id = v.asset_id "
				+ "WHERE a.title LIKE 'Drill cut %'"))
			.isEqualTo(4);
		// and each version's file is whole in the bucket, whichever node took it
		for (int i = 0; i < 4; i++) {
			assertThat(new Http(this.cluster.node(i + 1).port())
				.getBytes(Users.PRODUCER, "/api/versions/" + versions.get(i) + "/file")
				.body()).isEqualTo((i == 0) ? cut : TestFiles.file(TestFiles.MP4_HEADER, 64 * 1024, i));
		}
		// and nothing is stuck: no job past its lock, no incident, every notification
		// sent
		assertNothingStuck();
		// and every email and webhook arrived; one sent again carries the same key
		int[] repeated = assertDeliveredOnceEachOrRepeatedWithTheSameKey();
		// (the delivery node B was making when it died was made again, by node A)
		assertThat(repeated[1]).as("webhook deliveries made again after the kill").isPositive();
		requests.shutdownNow();
		System.out.printf(
				"Kill drill: at the kill node B held %d notifications, %d jobs were locked; %d requests went to "
						+ "node A instead; %d emails and %d webhook deliveries were made again after it%n",
				claimedByBAtKill, jobsLockedAtKill, this.cluster.failovers(), repeated[0], repeated[1]);
	}

	@Test
	@Order(3)
	void theDatabaseRestartsUnderLoadAndTheNodesRecoverWithoutARestartOfTheirOwn() throws Exception {
		assumeThat(Files.isDirectory(Path.of("/etc/postgresql")) && "root".equals(System.getProperty("user.name")))
			.as("restarting the local PostgreSQL cluster takes pg_ctlcluster as root (as in CI)")
			.isTrue();
		// (both nodes up, whatever the drill before left)
		for (GreenlightNode node : List.of(this.cluster.a, this.cluster.b)) {
			if (!node.alive()) {
				node.start().awaitReady();
			}
		}
		long pidA = this.cluster.a.pid();
		long pidB = this.cluster.b.pid();
		// given producers starting productions on both nodes, without pause
		AtomicBoolean loading = new AtomicBoolean(true);
		List<String> started = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger refused = new AtomicInteger();
		ExecutorService load = Executors.newFixedThreadPool(2);
		for (int worker = 0; worker < 2; worker++) {
			int node = worker;
			load.submit(() -> {
				for (int n = 0; loading.get(); n++) {
					String title = "Load " + node + "-" + n;
					try {
						Http.Response response = new Http(this.cluster.node(node).port()).postJson(Users.PRODUCER,
								"/api/productions", brief(title));
						if (response.status() == 201) {
							started.add(title);
						}
						else {
							refused.incrementAndGet();
							Thread.sleep(200);
						}
					}
					catch (RuntimeException | InterruptedException ex) {
						refused.incrementAndGet();
					}
				}
			});
		}
		Thread.sleep(2000);
		int beforeRestart = started.size();

		// when PostgreSQL restarts under them
		restartPostgres();
		long backAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.cluster.a.ready() && this.cluster.b.ready());
		double recoveredAfter = (System.nanoTime() - backAt) / 1e9;
		int afterRecovery = started.size();
		Thread.sleep(3000);
		loading.set(false);
		load.shutdown();
		assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		// then the same two processes answer again: neither was restarted
		assertThat(this.cluster.a.pid()).isEqualTo(pidA);
		assertThat(this.cluster.b.pid()).isEqualTo(pidB);
		// and both went on starting productions after the restart
		assertThat(started.size()).as("productions started after the recovery").isGreaterThan(afterRecovery);
		assertThat(beforeRestart).isPositive();
		// and every production whose start was answered 201 is there with its brief, and
		// none whose start failed
		List<String> stored = this.cluster.query("SELECT title FROM asset WHERE title LIKE 'Load %'")
			.stream()
			.map(row -> (String) row.get("title"))
			.toList();
		assertThat(stored).containsExactlyInAnyOrderElementsOf(started);
		assertThat(this.cluster.count("SELECT count(*) FROM act_ru_task t JOIN asset a "
				+ "ON a.process_instance_id = t.proc_inst_id_ WHERE a.title LIKE 'Load %' "
				+ "AND t.task_def_key_ = 'UserTask_ApproveBrief'"))
			.isEqualTo(started.size());
		// and work that needs the job executor goes through on both nodes
		driver(0).waitingForAVersion("After the restart A");
		driver(1).waitingForAVersion("After the restart B");
		// and nothing is stuck: jobs, incidents, notifications
		assertNothingStuck();
		System.out.printf(
				"Database restart drill: %d productions started (%d before the restart), %d requests refused "
						+ "while the database was away, nodes ready %.1f s after it was back%n",
				started.size(), beforeRestart, refused.get(), recoveredAfter);
	}

	/**
	 * Whether a node (its claims' prefix) is sending a webhook delivery right now: it
	 * holds the claim, and the receiver has the request.
	 */
	private boolean deliveringNow(String claims) {
		Set<String> arrived = this.receiver.deliveries("/drill")
			.stream()
			.map(delivery -> delivery.header("X-Greenlight-Delivery"))
			.collect(Collectors.toSet());
		return this.cluster
			.query("SELECT idempotency_key FROM notification WHERE status = 'PENDING' AND channel = 'WEBHOOK' "
					+ "AND claimed_by LIKE ?", claims)
			.stream()
			.anyMatch(row -> arrived.contains((String) row.get("idempotency_key")));
	}

	private void assertNothingStuck() {
		await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(this.cluster
				.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ < now()"))
				.as("jobs past their lock time")
				.isZero();
			assertThat(this.cluster.count("SELECT count(*) FROM notification WHERE status <> 'SENT'"))
				.as("notifications not sent")
				.isZero();
		});
		assertThat(this.cluster.query("SELECT incident_type_, incident_msg_ FROM act_ru_incident")).isEmpty();
	}

	/**
	 * @return how many emails and webhook deliveries came twice (or more): each time with
	 * the key of the first
	 */
	private int[] assertDeliveredOnceEachOrRepeatedWithTheSameKey() throws MessagingException {
		Set<String> emailKeys = keysOf("EMAIL");
		Map<String, List<MimeMessage>> emails = Stream.of(this.smtp.getReceivedMessages())
			.collect(Collectors.groupingBy(ClusterDrillIT::notificationKey));
		assertThat(emails.keySet()).as("emails received, by idempotency key").isEqualTo(emailKeys);
		for (List<MimeMessage> sameKey : emails.values()) {
			assertThat(sameKey.stream().map(TestSmtp::messageId).distinct()).hasSize(1);
		}
		Set<String> webhookKeys = keysOf("WEBHOOK");
		Map<String, List<WebhookReceiver.Delivery>> deliveries = this.receiver.deliveries("/drill")
			.stream()
			.collect(Collectors.groupingBy(delivery -> delivery.header("X-Greenlight-Delivery")));
		assertThat(deliveries.keySet()).as("webhook deliveries, by idempotency key").isEqualTo(webhookKeys);
		assertThat(webhookKeys).isNotEmpty();
		return new int[] { this.smtp.getReceivedMessages().length - emailKeys.size(),
				this.receiver.deliveries("/drill").size() - webhookKeys.size() };
	}

	private Set<String> keysOf(String channel) {
		return this.cluster.query("SELECT idempotency_key FROM notification WHERE channel = ?", channel)
			.stream()
			.map(row -> (String) row.get("idempotency_key"))
			.collect(Collectors.toCollection(HashSet::new));
	}

	private static String notificationKey(MimeMessage message) {
		try {
			return message.getHeader("X-Greenlight-Notification-Key", null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> decidersOf(String versionId) {
		return this.cluster.query("SELECT decided_by FROM decision WHERE version_id = ?", versionId)
			.stream()
			.map(row -> (String) row.get("decided_by"))
			.toList();
	}

	private long versionsOf(String assetId) {
		return this.cluster.count("SELECT count(*) FROM asset_version WHERE asset_id = ?", assetId);
	}

	private int decide(int node, String reviewer, String versionId, String decision) {
		return this.cluster.balanced(node,
				http -> new ProductionDriver(http).decide(reviewer, versionId, decision, null).status());
	}

	private ProductionDriver driver(int node) {
		return new ProductionDriver(new Http(this.cluster.node(node).port()));
	}

	private static int answerOf(Future<StreamedRequest.Answer> upload) throws InterruptedException {
		try {
			return upload.get(60, TimeUnit.SECONDS).status();
		}
		catch (ExecutionException | TimeoutException ex) {
			return -1; // the connection died with the node: no answer
		}
	}

	private static String brief(String title) {
		return """
				{"title": "%s", "projectCode": "ACME-SUMMER", "deliverableType": "VIDEO", "channel": "WEB",
				 "dueDate": "2030-01-31", "description": "Load while the database restarts"}""".formatted(title);
	}

	private static void restartPostgres() throws IOException, InterruptedException {
		String version;
		try (Stream<Path> clusters = Files.list(Path.of("/etc/postgresql"))) {
			version = clusters.map(path -> path.getFileName().toString()).sorted().findFirst().orElseThrow();
		}
		Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",
				"-m", "fast")
			.inheritIO()
			.start();
		assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(restart.exitValue()).as("pg_ctlcluster restart").isZero();
	}

	/**
	 * A multipart upload whose file part stops halfway until released: the node receiving
	 * it is killed while it waits.
	 */
	private static final class StalledUpload extends InputStream {

		private final Multipart multipart = new Multipart().field("note", "First cut");

		private final byte[] head = this.multipart.fileStart("file", "cut.mp4");

		private final byte[] tail = this.multipart.end();

		private final InputStream body;

		private final long length;

		private final long halfway;

		private final CountDownLatch reachedHalfway = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private long read;

		StalledUpload(byte[] content) {
			this.body = new SequenceInputStream(
					new SequenceInputStream(new ByteArrayInputStream(this.head), new ByteArrayInputStream(content)),
					new ByteArrayInputStream(this.tail));
			this.length = this.head.length + content.length + this.tail.length;
			this.halfway = this.head.length + content.length / 2;
		}

		String contentType() {
			return this.multipart.contentType();
		}

		long length() {
			return this.length;
		}

		void awaitHalfway() throws InterruptedException {
			assertThat(this.reachedHalfway.await(30, TimeUnit.SECONDS)).as("upload streamed halfway").isTrue();
		}

		void release() {
			this.released.countDown();
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int most = length;
			if (this.read < this.halfway) {
				most = (int) Math.min(length, this.halfway - this.read);
			}
			else {
				this.reachedHalfway.countDown();
				awaitRelease();
			}
			int got = this.body.read(buffer, offset, most);
			this.read += Math.max(got, 0);
			return got;
		}

		private void awaitRelease() throws IOException {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

	}

}
