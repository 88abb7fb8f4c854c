package io.greenlight.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionClones;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static io.greenlight.benchmark.Measure.database;
import static io.greenlight.benchmark.Measure.millis;
import static io.greenlight.benchmark.Measure.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the test suite: reviewers' inboxes at agency scale (issue 14). Builds, by
 * default, 100,000 open review tasks in 50 projects of 10 clients, for 500 reviewers: in
 * each project one real production driven through the engine to its internal review, and
 * copies of it made with SQL ({@link ProductionClones}), each waiting for two of the
 * project's reviewers. Five heavy reviewers are in two projects each and review every
 * production there (2,000 open reviews each); the others have about 200.
 * <p>
 * Then it refreshes the statistics (VACUUM ANALYZE; ANALYZE on H2) and times, over HTTP,
 * for a normal and a heavy reviewer: Greenlight's "awaiting my review" (first and last
 * page), the asset list, the engine's task list as Tasklist and engine REST clients ask
 * for it (first and last page), Tasklist's two shipped filters (list and count), the
 * engine's own fully checked list for comparison, and a trivial signed-in call.
 * <p>
 * {@code ./mvnw -B verify -Dskip.npm -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=InboxBenchmark -Dgreenlight.test.profile=postgres} (sizes:
 * {@code -Dgreenlight.benchmark.tasks=100000 -Dgreenlight.benchmark.projects=50
 * -Dgreenlight.benchmark.reviewers=500 -Dgreenlight.benchmark.heavy=5
 * -Dgreenlight.benchmark.runs=200})
 */
@ServerIT
class InboxBenchmark {

	private final Http http;

	private final JdbcTemplate jdbc;

	private final IdentityService identity;

	private final ProductionDriver productions;

	private final CreativeOps ops;

	private final ProductionClones clones;

	private final String run = UUID.randomUUID().toString().substring(0, 4);

	@Autowired
	InboxBenchmark(@LocalServerPort int port, JdbcTemplate jdbc, IdentityService identity,
			TransactionTemplate transactions) {
		this.http = new Http(port);
		this.jdbc = jdbc;
		this.identity = identity;
		this.productions = new ProductionDriver(this.http);
		this.ops = new CreativeOps(this.http);
		this.clones = new ProductionClones(jdbc, transactions);
	}

	@Test
	void reviewersInboxesAtAgencyScale() {
		int tasks = Integer.getInteger("greenlight.benchmark.tasks", 100_000);
		int projects = Integer.getInteger("greenlight.benchmark.projects", 50);
		int reviewers = Integer.getInteger("greenlight.benchmark.reviewers", 500);
		int heavy = Integer.getInteger("greenlight.benchmark.heavy", 5);
		int runs = Integer.getInteger("greenlight.benchmark.runs", 200);

		long start = System.nanoTime();
		Agency agency = build(tasks, projects, reviewers, heavy);
		double seconds = (System.nanoTime() - start) / 1e9;
		Measure.analyze(this.jdbc, List.of());
		int open = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'UserTask_ReviewAsset'", Integer.class);

		System.out.printf("%nGreenlight inbox benchmark (%s)%n", database(this.jdbc));
		System.out.printf("  %,d open review tasks in %d projects, %d reviewers (%d heavy); built in %.0f s%n", open,
				projects, reviewers, heavy, seconds);
		System.out.printf("  %d runs per call after 5 warm-ups, p50 / p99 in ms, over HTTP%n", runs);
		System.out.printf("  %-62s %17s %17s%n", "call", agency.normal() + " (" + agency.normalOpen() + ")",
				agency.heavy() + " (" + agency.heavyOpen() + ")");
		calls(agency).forEach((name, call) -> {
			int times = name.startsWith("(engine's full check") ? Math.min(runs, 20) : runs;
			double[] normal = millis(() -> call.accept(agency.normal(), agency.normalOpen()), times);
			double[] heavyOnes = millis(() -> call.accept(agency.heavy(), agency.heavyOpen()), times);
			System.out.printf("  %-62s %8.1f / %6.1f %8.1f / %6.1f%n", name, percentile(normal, 0.50),
					percentile(normal, 0.99), percentile(heavyOnes, 0.50), percentile(heavyOnes, 0.99));
		});
		System.out.println();
	}

	private Map<String, Call> calls(Agency agency) {
		String myTasks = filterId("My tasks");
		String openToMe = filterId("Open to me");
		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("GET /api/assets?awaitingMyReview=true&size=50",
				(user, open) -> get(user, "/api/assets?awaitingMyReview=true&size=50", 50));
		calls.put("  … its last page (awaiting my review)", (user, open) -> get(user,
				"/api/assets?awaitingMyReview=true&size=50&page=" + ((open - 1) / 50), (open - 1) % 50 + 1));
		calls.put("GET /api/assets?size=50", (user, open) -> get(user, "/api/assets?size=50", 50));
		calls.put("GET /engine-rest/task?assignee=me&sortBy=created (50)", (user, open) -> get(user,
				"/engine-rest/task?assignee=" + user + "&sortBy=created&sortOrder=desc&maxResults=50", 50));
		calls.put("  … its last page (engine REST)", (user, open) -> get(user, "/engine-rest/task?assignee=" + user
				+ "&sortBy=created&sortOrder=desc&maxResults=50&firstResult=" + (open - 50), 50));
		calls.put("Tasklist \"My tasks\": POST /filter/{id}/list (15)",
				(user, open) -> post(user, "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=15", """
						{"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""", 15));
		calls.put("Tasklist \"My tasks\": POST /filter/{id}/count",
				(user, open) -> post(user, "/engine-rest/filter/" + myTasks + "/count", "{}", -1));
		calls.put("Tasklist \"Open to me\": POST /filter/{id}/list (15)",
				(user, open) -> post(user, "/engine-rest/filter/" + openToMe + "/list?firstResult=0&maxResults=15", """
						{"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""", 0));
		calls.put("(engine's full check of the same list, for comparison)",
				(user, open) -> post(user, "/engine-rest/task?firstResult=0&maxResults=50", """
						{"assignee": "%s", "orQueries": [{"assignee": "%s"}],
						 "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""".formatted(user, user), 50));
		calls.put("GET /api/projects (a trivial signed-in call)", (user, open) -> get(user, "/api/projects", -1));
		return calls;
	}

	/**
	 * The projects, reviewers and productions. Reviewer i is in project i mod projects;
	 * the heavy ones also in the project half way round, and review every production of
	 * both.
	 */
	private Agency build(int tasks, int projects, int reviewers, int heavy) {
		List<List<String>> members = new ArrayList<>();
		for (int p = 0; p < projects; p++) {
			members.add(new ArrayList<>());
		}
		List<String> heavyOnes = new ArrayList<>();
		for (int i = 0; i < reviewers; i++) {
			String id = "rev" + this.run + "x" + i;
			members.get(i % projects).add(id);
			if (i < heavy) {
				heavyOnes.add(id);
				members.get((i + projects / 2) % projects).add(0, id);
			}
		}
		for (String id : List.of(members.get(heavy).get(1), heavyOnes.get(0))) {
			this.ops.createUser(id, "Bench", id, "reviewers");
		}
		List<String> clients = new ArrayList<>();
		for (int c = 0; c < Math.min(10, projects); c++) {
			clients.add(this.ops.createClient("Client " + this.run + " " + c));
		}
		int productionsPerProject = tasks / projects / 2;
		for (int p = 0; p < projects; p++) {
			project(p, clients.get(p % clients.size()), members.get(p), heavyOnes, productionsPerProject);
		}
		String normal = members.get(heavy).get(1);
		return new Agency(normal, openReviews(normal), heavyOnes.get(0), openReviews(heavyOnes.get(0)));
	}

	/**
	 * One project: its people, a real production waiting for two normal reviewers, and
	 * copies of it, each for the heavy reviewer (if the project has one) or a normal one,
	 * and another normal one.
	 */
	private void project(int p, String client, List<String> members, List<String> heavyOnes, int productions) {
		String code = "B" + this.run.toUpperCase() + "P" + p;
		String projectId = this.ops.createProject(client, code, "Bench " + code);
		this.ops.addMember(projectId, Users.CREATIVE, "CREATIVE");
		String clientReviewer = "cli" + this.run + "x" + p;
		user(clientReviewer, "clients");
		this.ops.addMember(projectId, clientReviewer, "CLIENT_REVIEWER");
		List<String> heavy = members.stream().filter(heavyOnes::contains).toList();
		List<String> normal = members.stream().filter(id -> !heavyOnes.contains(id)).toList();
		for (String reviewer : normal.subList(0, 2)) {
			user(reviewer, "reviewers");
			this.ops.addMember(projectId, reviewer, "REVIEWER");
		}
		String assetId = this.productions.startAs(Users.OPS, "Spot " + code, code);
		this.productions.claimAndComplete(Users.OPS, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ IN (?, ?) "
					+ "AND TASK_DEF_KEY_ = 'UserTask_ReviewAsset' AND PROC_INST_ID_ IN (SELECT ID_ FROM ACT_RU_EXECUTION "
					+ "WHERE ROOT_PROC_INST_ID_ = (SELECT process_instance_id FROM asset WHERE id = ?))", Integer.class,
					normal.get(0), normal.get(1), assetId) == 2);
		for (String reviewer : members) {
			if (!normal.subList(0, 2).contains(reviewer)) {
				user(reviewer, "reviewers");
				this.ops.addMember(projectId, reviewer, "REVIEWER");
			}
		}
		List<List<String>> pairs = new ArrayList<>();
		for (int j = 0; j < productions - 1; j++) {
			String first = heavy.isEmpty() ? normal.get((2 * j) % normal.size()) : heavy.get(0);
			int second = heavy.isEmpty() ? (2 * j + 1) % normal.size() : j % normal.size();
			pairs.add(List.of(first, normal.get(second)));
		}
		this.clones.copy(this.clones.template(assetId, normal.get(0), normal.get(1)), pairs);
	}

	/** A reviewer or client reviewer; only those who sign in here have a password. */
	private void user(String id, String group) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName("Bench");
		user.setLastName(id);
		user.setEmail(id + "@bench.example");
		this.identity.saveUser(user);
		this.identity.createMembership(id, group);
	}

	private int openReviews(String reviewer) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ = ? AND TASK_DEF_KEY_ = 'UserTask_ReviewAsset'",
				Integer.class, reviewer);
	}

	private String filterId(String name) {
		return this.http.get(Users.OPS, "/engine-rest/filter?name=" + name.replace(" ", "%20") + "&maxResults=1")
			.json()
			.get(0)
			.get("id")
			.asText();
	}

	private void get(String user, String path, int expected) {
		check(this.http.get(user, path), path, expected);
	}

	private void post(String user, String path, String json, int expected) {
		check(this.http.postJson(user, path, json), path, expected);
	}

	/** Answered, and (where known) with as many items as the page must hold. */
	private static void check(Http.Response response, String path, int expected) {
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		if (expected >= 0) {
			assertThat(response.json().size()).as(path).isEqualTo(expected);
		}
	}

	@FunctionalInterface
	private interface Call {

		void accept(String user, int open);

	}

	private record Agency(String normal, int normalOpen, String heavy, int heavyOpen) {
	}

}
