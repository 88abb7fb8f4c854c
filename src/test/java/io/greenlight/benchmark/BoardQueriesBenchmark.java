package io.greenlight.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.greenlight.board.BoardProbe;
import io.greenlight.security.Groups;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.greenlight.benchmark.Measure.database;
import static io.greenlight.benchmark.Measure.millis;
import static io.greenlight.benchmark.Measure.percentile;
import static io.greenlight.benchmark.Measure.postgres;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite: the board over 10,000 productions, on the test run's
 * database, timed as its two queries (no HTTP) and as {@code GET /api/board} over HTTP,
 * as creative-ops and as a producer, plain and with each filter. Prints p50 and p99 per
 * call, and on PostgreSQL the plans (EXPLAIN ANALYZE). See docs/operations.md,
 * "Benchmarks".
 * <p>
 * The productions that ended (9,000 by default) are inserted straight into Greenlight's
 * tables with JDBC, as {@link MetricsQueriesBenchmark} does: they have no rows in the
 * engine's runtime tables, which is what the board reads of them. The running ones
 * (1,000) go through the real engine over HTTP, as Tasklist and the review room drive
 * them: every row the board reads in ACT_RU_TASK, ACT_RU_EXECUTION and
 * ACT_RU_IDENTITYLINK is the engine's own. Only their due dates are moved into the past
 * with SQL, on Greenlight's asset table, to have overdue ones.
 * <p>
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=BoardQueriesBenchmark -Dgreenlight.test.profile=postgres
 * [-Dgreenlight.benchmark.productions=10000] [-Dgreenlight.benchmark.running=1000]
 * [-Dgreenlight.benchmark.runs=100]}
 */
@ServerIT
class BoardQueriesBenchmark {

	private static final int CLIENTS = 10;

	private static final int PROJECTS = 50;

	private static final int PRODUCERS = 6;

	// the demo producer produces this many of the benchmark's projects (and ACME-SUMMER)
	private static final int DEMO_PRODUCER_PROJECTS = 5;

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcTemplate jdbc;

	private final ApplicationContext context;

	private final Random random = new Random(13);

	@Autowired
	BoardQueriesBenchmark(@LocalServerPort int port, JdbcTemplate jdbc, ApplicationContext context) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
		this.context = context;
	}

	@Test
	void boardOverTenThousandProductions() throws Exception {
		int total = Integer.getInteger("greenlight.benchmark.productions", 10_000);
		int running = Integer.getInteger("greenlight.benchmark.running", 1_000);
		int runs = Integer.getInteger("greenlight.benchmark.runs", 100);
		long start = System.nanoTime();
		Setup setup = setUp(UUID.randomUUID().toString().substring(0, 6).toUpperCase());
		insertEnded(setup, total - running);
		double insertSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		List<String> runningIds = startRunning(setup, running);
		double runningSeconds = (System.nanoTime() - start) / 1e9;
		int overdue = makeOverdue(runningIds);
		analyze();

		System.out.printf("%nGreenlight board benchmark (%s, %d runs per call after 5 warm-ups)%n", database(this.jdbc),
				runs);
		System.out.printf(
				"  dataset: %,d productions ended (%d clients, %d projects, %d producers; %s), inserted in %.1f s;%n"
						+ "  %,d running through the engine in %.1f s (%s), %d of them overdue; then %s%n",
				total - running, CLIENTS, PROJECTS, PRODUCERS + 1, counts(), insertSeconds, runningIds.size(),
				runningSeconds, engineCounts(), overdue, postgres(this.jdbc) ? "VACUUM ANALYZE" : "ANALYZE");
		String project = setup.projects().get(0);
		String client = setup.clientOf(project);
		BoardProbe probe = new BoardProbe(this.context);
		List<Variant> variants = List.of(new Variant(Users.OPS, null, ""),
				new Variant(Users.OPS, null, "?clientId=" + client),
				new Variant(Users.OPS, null, "?projectId=" + project),
				new Variant(Users.OPS, null, "?producer=" + setup.producers().get(1)),
				new Variant(Users.OPS, null, "?overdue=true"), new Variant(Users.OPS, null, "?waitingOnMe=true"),
				new Variant(Users.PRODUCER, Users.PRODUCER, ""),
				new Variant(Users.PRODUCER, Users.PRODUCER, "?clientId=" + client),
				new Variant(Users.PRODUCER, Users.PRODUCER, "?projectId=" + project),
				new Variant(Users.PRODUCER, Users.PRODUCER, "?producer=" + Users.PRODUCER),
				new Variant(Users.PRODUCER, Users.PRODUCER, "?overdue=true"),
				new Variant(Users.PRODUCER, Users.PRODUCER, "?waitingOnMe=true"));
		System.out.printf("  %-34s %6s %6s | %15s | %15s | %15s%n", "", "cards", "tasks", "cards query", "open tasks",
				"GET /api/board");
		System.out.printf("  %-34s %6s %6s | %15s | %15s | %15s%n", "reader and filter", "shown", "rows",
				"p50 / p99 ms", "p50 / p99 ms", "p50 / p99 ms");
		for (Variant variant : variants) {
			BoardProbe.Queries queries = variant.queries(probe);
			double[] cards = millis(queries::cards, runs);
			double[] tasks = millis(queries::openTasks, runs);
			double[] http = millis(() -> {
				Http.Response response = this.http.get(variant.user(), "/api/board" + variant.query());
				assertThat(response.status()).as(response.body()).isEqualTo(200);
			}, runs);
			System.out.printf("  %-34s %6d %6d | %6.1f / %6.1f | %6.1f / %6.1f | %6.1f / %6.1f%n", variant.label(),
					queries.cards(), queries.openTasks(), percentile(cards, 0.5), percentile(cards, 0.99),
					percentile(tasks, 0.5), percentile(tasks, 0.99), percentile(http, 0.5), percentile(http, 0.99));
		}
		double[] clients = millis(() -> this.http.get(Users.OPS, "/api/clients").status(), runs);
		System.out.printf("  for comparison, GET /api/clients as ops (signing in with HTTP Basic): %.1f / %.1f ms%n",
				percentile(clients, 0.5), percentile(clients, 0.99));
		if (postgres(this.jdbc)) {
			explain("cards, ops, no filter", variants.get(0).queries(probe).explainCards());
			explain("cards, producer, no filter", variants.get(6).queries(probe).explainCards());
			explain("cards, producer, waiting on me", variants.get(11).queries(probe).explainCards());
			explain("open tasks, ops, no filter (first 500 cards)", variants.get(0).queries(probe).explainOpenTasks());
		}
		System.out.println();
	}

	private static void explain(String what, List<String> plan) {
		System.out.printf("%n  EXPLAIN ANALYZE, %s:%n", what);
		plan.forEach(line -> System.out.println("    " + line));
	}

	/** One call to time: who reads the board, with which filters. */
	private record Variant(String user, String memberId, String query) {

		BoardProbe.Queries queries(BoardProbe probe) {
			String value = this.query.isEmpty() ? null : this.query.substring(this.query.indexOf('=') + 1);
			return probe.queries(this.memberId, this.query.startsWith("?clientId") ? value : null,
					this.query.startsWith("?projectId") ? value : null,
					this.query.startsWith("?producer") ? value : null, this.query.startsWith("?overdue"),
					this.query.startsWith("?waitingOnMe") ? this.user : null);
		}

		String label() {
			String filter = this.query.isEmpty() ? "no filter" : this.query.substring(1, this.query.indexOf('='));
			return this.user + ", " + filter;
		}

	}

	/** Autovacuum is off on the local server: without statistics, plans are guesses. */
	private void analyze() {
		Measure.analyze(this.jdbc, List.of("client", "project", "project_member", "asset", "asset_version",
				"review_stage", "act_ru_task", "act_ru_execution", "act_ru_identitylink"));
	}

	private String counts() {
		return "%,d versions, %,d review stages".formatted(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM asset_version", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM review_stage", Long.class));
	}

	private String engineCounts() {
		return "%,d tasks, %,d executions, %,d identity links".formatted(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK", Long.class));
	}

	/**
	 * Clients, projects, producers and client reviewers, set up by creative-ops over HTTP
	 * as people would (the engine's tenants and users follow). Each project has one of
	 * the benchmark's producers, the demo creative and reviewers, and its client's
	 * reviewer; the demo producer also produces the first few.
	 */
	private Setup setUp(String run) {
		CreativeOps ops = new CreativeOps(this.http);
		List<String> producers = new ArrayList<>();
		for (int i = 0; i < PRODUCERS; i++) {
			producers.add(ops.createUser("producer-b" + run.toLowerCase() + "-" + i, "Bench", "Producer " + i,
					Groups.PRODUCERS));
		}
		List<String> clients = new ArrayList<>();
		List<String> clientReviewers = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(ops.createClient("Bench client %d %s".formatted(c, run)));
			clientReviewers.add(ops.createUser("client-b" + run.toLowerCase() + "-" + c, "Bench",
					"Client reviewer " + c, Groups.CLIENTS));
		}
		List<String> projects = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		List<String> projectProducers = new ArrayList<>();
		for (int p = 0; p < PROJECTS; p++) {
			String code = "B" + run + "-P" + p;
			String projectId = ops.createProject(clients.get(p % CLIENTS), code, "Bench " + code);
			String producer = producers.get(p % PRODUCERS);
			ops.addMember(projectId, producer, "PRODUCER");
			if (p < DEMO_PRODUCER_PROJECTS) {
				ops.addMember(projectId, Users.PRODUCER, "PRODUCER");
			}
			ops.addMember(projectId, Users.CREATIVE, "CREATIVE");
			ops.addMember(projectId, Users.REVIEWER1, "REVIEWER");
			ops.addMember(projectId, Users.REVIEWER2, "REVIEWER");
			ops.addMember(projectId, clientReviewers.get(p % CLIENTS), "CLIENT_REVIEWER");
			projects.add(projectId);
			codes.add(code);
			projectProducers.add(producer);
		}
		return new Setup(clients, projects, codes, producers, projectProducers, clientReviewers);
	}

	private record Setup(List<String> clients, List<String> projects, List<String> codes, List<String> producers,
			List<String> projectProducers, List<String> clientReviewers) {

		String clientOf(String projectId) {
			return this.clients.get(this.projects.indexOf(projectId) % CLIENTS);
		}

		String clientReviewerOf(int project) {
			return this.clientReviewers.get(project % CLIENTS);
		}

	}

	/**
	 * Productions that ended, spread evenly over the last two years (so the newest few
	 * hundred ended within the board's last 30 days): 80 % delivered, 10 % approved, 10 %
	 * stopped; 1–3 versions each, every version through one review stage, settled.
	 */
	private void insertEnded(Setup setup, int count) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long span = Duration.ofDays(730).toSeconds();
		int[] numbers = new int[PROJECTS];
		List<Object[]> assets = new ArrayList<>();
		List<Object[]> versions = new ArrayList<>();
		List<Object[]> stages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int project = this.random.nextInt(PROJECTS);
			Instant ended = now.minusSeconds(span - span * i / count);
			int roll = this.random.nextInt(10);
			String status = (roll < 8) ? "DELIVERED" : (roll < 9) ? "APPROVED" : "STOPPED";
			int versionCount = 1 + this.random.nextInt(3);
			Instant created = ended.minus(Duration.ofDays(3L + 7L * versionCount));
			String assetId = UUID.randomUUID().toString();
			int number = ++numbers[project];
			String approved = null;
			for (int v = 1; v <= versionCount; v++) {
				String versionId = UUID.randomUUID().toString();
				Instant uploaded = created.plus(Duration.ofDays(7L * v - 4));
				boolean last = v == versionCount;
				versions.add(
						new Object[] { versionId, assetId, v, "v" + v, ts(uploaded), last ? "CURRENT" : "SUPERSEDED" });
				String outcome = (!last || status.equals("STOPPED")) ? "CHANGES_REQUESTED" : "APPROVED";
				stages.add(new Object[] { UUID.randomUUID().toString(), assetId, versionId, "INTERNAL_REVIEW",
						ts(uploaded.plus(Duration.ofDays(2))), ts(uploaded), outcome,
						ts(uploaded.plus(Duration.ofDays(1))) });
				if (last && !status.equals("STOPPED")) {
					approved = versionId;
				}
			}
			assets.add(new Object[] { assetId, setup.codes().get(project) + "-" + "%04d".formatted(number), number,
					setup.projects().get(project), "Bench ended " + i, ts(created), ts(ended),
					status.equals("STOPPED") ? "PRODUCTION" : "DELIVERY", status, versionCount, approved,
					LocalDate.ofInstant(ended, ZoneOffset.UTC), UUID.randomUUID().toString(),
					setup.projectProducers().get(project) });
			if (assets.size() >= 1000 || i == count - 1) {
				flush(assets, versions, stages);
			}
		}
		for (int p = 0; p < PROJECTS; p++) {
			this.jdbc.update("UPDATE project SET asset_count = ? WHERE id = ?", numbers[p], setup.projects().get(p));
		}
	}

	private void flush(List<Object[]> assets, List<Object[]> versions, List<Object[]> stages) {
		// the process instance ids are of instances that ended: none is in the runtime
		// tables
		this.jdbc.batchUpdate("INSERT INTO asset (id, reference, project_number, project_id, title, asset_type, "
				+ "channel, brief, created_at, updated_at, stage, status, revision_round, approved_version_id, "
				+ "due_date, process_instance_id, requested_by) "
				+ "VALUES (?, ?, ?, ?, ?, 'VIDEO', 'WEB', 'brief', ?, ?, ?, ?, ?, ?, ?, ?, ?)", assets);
		this.jdbc.batchUpdate("INSERT INTO asset_version (id, asset_id, number, note, uploaded_by, created_at, status, "
				+ "locked) VALUES (?, ?, ?, ?, 'creative', ?, ?, FALSE)", versions);
		this.jdbc.batchUpdate("INSERT INTO review_stage (id, asset_id, version_id, stage, decision_rule, reviewers, "
				+ "due_at, opened_at, outcome, settled_at) VALUES (?, ?, ?, ?, 'ALL', 'reviewer1,reviewer2', ?, ?, ?, ?)",
				stages);
		assets.clear();
		versions.clear();
		stages.clear();
	}

	/**
	 * Productions driven over HTTP by twelve people at once (most of a production's time
	 * is spent waiting for the job executor) into every running column: 30 % wait for
	 * their brief's approval (the project's producers), 30 % for a version (the
	 * creative), 30 % for both internal reviewers, 10 % for the client's reviewer.
	 */
	private List<String> startRunning(Setup setup, int count) throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("greenlight.benchmark.drivers", 12));
		try {
			List<Future<String>> started = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				started.add(pool.submit(() -> drive(setup, index)));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> each : started) {
				ids.add(each.get());
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String drive(Setup setup, int index) {
		int project = index % PROJECTS;
		String producer = setup.projectProducers().get(project);
		String assetId = this.productions.startAs(producer, "Bench running " + index, setup.codes().get(project));
		int column = index % 10;
		if (column < 3) {
			return assetId;
		}
		this.productions.claimAndComplete(producer, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		if (column < 6) {
			this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
			return assetId;
		}
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		this.productions.awaitTask(Users.REVIEWER2, assetId, "UserTask_ReviewAsset");
		if (column < 9) {
			return assetId;
		}
		String versionId = this.http.get(Users.OPS, "/api/assets/" + assetId).json().at("/latestVersion/id").asText();
		for (String reviewer : List.of(Users.REVIEWER1, Users.REVIEWER2)) {
			Http.Response approved = this.productions.decide(reviewer, versionId, "APPROVED", null);
			assertThat(approved.status()).as(approved.body()).isEqualTo(204);
		}
		this.productions.awaitTask(setup.clientReviewerOf(project), assetId, "UserTask_ReviewAsset");
		return assetId;
	}

	/** Every seventh running production is past its own due date. */
	private int makeOverdue(List<String> running) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		int overdue = 0;
		for (int i = 0; i < running.size(); i += 7) {
			this.jdbc.update("UPDATE asset SET due_date = ? WHERE id = ?", today.minusDays(1 + i % 5), running.get(i));
			overdue++;
		}
		return overdue;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
