package io.greenlight.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.greenlight.production.process.CreativeProductionProcess;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.support.EngineUsers;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.greenlight.benchmark.Measure.database;
import static io.greenlight.benchmark.Measure.millis;
import static io.greenlight.benchmark.Measure.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the test suite: a reviewer's inbox as open reviews pile up (issue 14).
 * Productions are driven through the engine in this JVM (start as the producer, brief
 * approved, version 1 described; the job executor opens the internal review), so every
 * review task has what a real one has: its stage record, identity links and
 * authorizations. At each size it refreshes the statistics (VACUUM ANALYZE on PostgreSQL,
 * whose local server runs without autovacuum) and times, as reviewer1 over HTTP:
 * Greenlight's "awaiting my review", the engine's task list as Tasklist asks for it, and
 * a trivial signed-in call for comparison. Prints p50 and p99 per call.
 * <p>
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=InboxBenchmark -Dgreenlight.test.profile=postgres
 * [-Dgreenlight.benchmark.sizes=250,1000,2000] [-Dgreenlight.benchmark.runs=50]}
 */
@ServerIT
class InboxBenchmark {

	private final Http http;

	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	@Autowired
	InboxBenchmark(@LocalServerPort int port, JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
			IdentityService identity) {
		this.http = new Http(port);
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
	}

	@Test
	void theInboxAsOpenReviewsPileUp() {
		int[] sizes = Arrays.stream(System.getProperty("greenlight.benchmark.sizes", "250,1000,2000").split(","))
			.mapToInt(size -> Integer.parseInt(size.strip()))
			.toArray();
		int runs = Integer.getInteger("greenlight.benchmark.runs", 50);
		Map<String, String> calls = new LinkedHashMap<>();
		calls.put("GET /api/assets?awaitingMyReview=true&size=50", "/api/assets?awaitingMyReview=true&size=50");
		calls.put("GET /engine-rest/task?assignee=…&sortBy=created (50)",
				"/engine-rest/task?assignee=reviewer1&sortBy=created&sortOrder=desc&maxResults=50");
		calls.put("GET /api/projects (for comparison)", "/api/projects");

		System.out.printf("%nGreenlight inbox benchmark (%s, reviewer1, %d runs per call after 5 warm-ups)%n",
				database(this.jdbc), runs);
		System.out.printf("  %-10s %-56s %9s %9s%n", "open", "call", "p50 ms", "p99 ms");
		int open = 0;
		for (int size : sizes) {
			long start = System.nanoTime();
			int added = size - open;
			for (int i = 0; i < added; i++) {
				inInternalReview("Inbox " + (open + i));
			}
			awaitOpenReviews(size);
			open = size;
			double seconds = (System.nanoTime() - start) / 1e9;
			analyze();
			System.out.printf("  %-10s (%d productions added in %.1f s, %.1f per second)%n", String.format("%,d", size),
					added, seconds, added / seconds);
			calls.forEach((name, path) -> {
				double[] millis = millis(() -> call(path), runs);
				System.out.printf("  %-10s %-56s %9.1f %9.1f%n", String.format("%,d", size), name,
						percentile(millis, 0.50), percentile(millis, 0.99));
			});
		}
		System.out.println();
	}

	/** A production of the demo project whose version 1 waits for the internal review. */
	private void inInternalReview(String title) {
		String instance = as(Users.PRODUCER, List.of("producers"), () -> {
			Map<String, Object> brief = new HashMap<>();
			brief.put(Var.BRIEF_TITLE, title);
			brief.put(Var.PROJECT_CODE, "ACME-SUMMER");
			brief.put(Var.DELIVERABLE_TYPE, "VIDEO");
			brief.put(Var.CHANNEL, "WEB");
			brief.put(Var.DUE_DATE, "2030-01-31");
			brief.put(Var.BRIEF_DESCRIPTION, "Thirty seconds of summer");
			String id = this.runtime.startProcessInstanceByKey(CreativeProductionProcess.PROCESS_ID, brief).getId();
			Task approve = this.tasks.createTaskQuery().processInstanceId(id).singleResult();
			this.tasks.claim(approve.getId(), Users.PRODUCER);
			this.tasks.complete(approve.getId(), Map.of("briefDecision", "APPROVED"));
			return id;
		});
		as(Users.CREATIVE, List.of("creatives"), () -> {
			Task produce = this.tasks.createTaskQuery().processInstanceId(instance).singleResult();
			this.tasks.claim(produce.getId(), Users.CREATIVE);
			this.tasks.complete(produce.getId(), Map.of("versionNote", "First cut"));
			return null;
		});
	}

	private <T> T as(String user, List<String> groups, Supplier<T> work) {
		EngineUsers.authenticate(this.identity, user, groups);
		try {
			return work.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** The job executor opens the review stages: wait until reviewer1 has them all. */
	private void awaitOpenReviews(int size) {
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.tasks.createTaskQuery()
				.taskAssignee(Users.REVIEWER1)
				.taskDefinitionKey("UserTask_ReviewAsset")
				.count() >= size);
	}

	private void call(String path) {
		Http.Response response = this.http.get(Users.REVIEWER1, path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
	}

	private void analyze() {
		Measure.analyze(this.jdbc, List.of());
	}

}
