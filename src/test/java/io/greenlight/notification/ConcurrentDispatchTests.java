package io.greenlight.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.greenlight.notification.WebhookSubscription.WebhookFormat;
import io.greenlight.production.process.CreativeProductionProcess;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.project.ProjectRepository;
import io.greenlight.support.WebhookReceiver;
import io.greenlight.support.EngineUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dispatchers, each in its own thread with its own claims and transactions, on one
 * database (PostgreSQL in the postgres run, as two nodes would share it): every
 * notification reaches the receiver exactly once.
 */
@SpringBootTest
class ConcurrentDispatchTests {

	private static final int NOTIFICATIONS = 40;

	private final NotificationService notifications;

	private final Outbox outbox;

	private final List<NotificationSender> senders;

	private final NotificationProperties properties;

	private final WebhookSubscriptions subscriptions;

	private final ProjectRepository projects;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final WebhookReceiver receiver = new WebhookReceiver();

	@Autowired
	ConcurrentDispatchTests(NotificationService notifications, Outbox outbox, List<NotificationSender> senders,
			NotificationProperties properties, WebhookSubscriptions subscriptions, ProjectRepository projects,
			RuntimeService runtimeService, IdentityService identityService, TransactionTemplate transactions,
			JdbcClient jdbc) {
		this.notifications = notifications;
		this.outbox = outbox;
		this.senders = senders;
		this.properties = properties;
		this.subscriptions = subscriptions;
		this.projects = projects;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void twoDispatchersOnOneDatabaseNeverSendTheSameNotificationTwice() throws Exception {
		// given a project webhook subscribed to mentions, and 40 mentions queued
		String projectId = this.projects.findByCode("ACME-SUMMER").orElseThrow().id();
		WebhookSubscription subscription = this.subscriptions.create(projectId, this.receiver.url("/race"),
				"a-secret-of-enough-length", WebhookFormat.JSON, Set.of(NotificationEvent.MENTIONED), "producer");
		String assetId = startProduction("Race spot");
		this.transactions.executeWithoutResult(status -> {
			for (int i = 0; i < NOTIFICATIONS; i++) {
				this.notifications.queue(NotificationEvent.MENTIONED, "race-" + i, List.of("reviewer1"), assetId, null,
						"Mentioned in race comment " + i);
			}
		});
		Instant now = Instant.now().plusSeconds(1);

		// when two dispatchers dispatch at the same moment, round after round
		NotificationDispatcher first = new NotificationDispatcher(this.outbox, this.senders, this.properties);
		NotificationDispatcher second = new NotificationDispatcher(this.outbox, this.senders, this.properties);
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (NotificationDispatcher dispatcher : List.of(first, second)) {
				results.add(threads.submit(() -> {
					start.await();
					int sent = 0;
					for (int round = 0; round < 10; round++) {
						sent += dispatcher.dispatchDue(now);
					}
					return sent;
				}));
			}
			int total = 0;
			for (Future<Integer> result : results) {
				total += result.get();
			}

			// then each webhook delivery and each email went out exactly once (other
			// tests'
			// notifications in this database may have gone out with them)
			assertThat(total).isGreaterThanOrEqualTo(2 * NOTIFICATIONS);
		}
		finally {
			threads.shutdownNow();
		}
		Map<String, Long> perDelivery = this.receiver.deliveries("/race")
			.stream()
			.collect(Collectors.groupingBy(delivery -> delivery.header(WebhookSender.DELIVERY_HEADER),
					Collectors.counting()));
		assertThat(perDelivery).hasSize(NOTIFICATIONS);
		assertThat(perDelivery.values()).allMatch(count -> count == 1);
		assertThat(perDelivery.keySet()).allMatch(key -> key.endsWith(":" + subscription.id() + ":WEBHOOK"));
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE asset_id = ? AND event = 'MENTIONED' AND status = 'SENT' "
					+ "AND attempts = 1")
			.param(assetId)
			.query(Integer.class)
			.single()).isEqualTo(2 * NOTIFICATIONS);
	}

	private String startProduction(String title) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.BRIEF_TITLE, title);
		variables.put(Var.PROJECT_CODE, "ACME-SUMMER");
		variables.put(Var.DELIVERABLE_TYPE, "VIDEO");
		variables.put(Var.CHANNEL, "WEB");
		variables.put(Var.DUE_DATE, "2030-01-31");
		variables.put(Var.BRIEF_DESCRIPTION, "Two nodes, one outbox");
		EngineUsers.authenticate(this.identityService, "producer", List.of("producers"));
		try {
			String reference = this.runtimeService
				.startProcessInstanceByKey(CreativeProductionProcess.PROCESS_ID, variables)
				.getBusinessKey();
			return this.jdbc.sql("SELECT id FROM asset WHERE reference = ?")
				.param(reference)
				.query(String.class)
				.single();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
