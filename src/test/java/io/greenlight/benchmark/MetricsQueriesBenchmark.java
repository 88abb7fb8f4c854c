package io.greenlight.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.greenlight.metrics.MetricsProbe;
import io.greenlight.support.Http;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite: the metric endpoints over 10,000 productions of history
 * (two years of them), on the test run's database, timed over HTTP as creative-ops and as
 * a producer. Prints p50 and p99 per call. See docs/operations.md, "Benchmarks".
 * <p>
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=MetricsQueriesBenchmark -Dgreenlight.test.profile=postgres
 * [-Dgreenlight.benchmark.productions=10000] [-Dgreenlight.benchmark.runs=100]}
 */
@ServerIT
class MetricsQueriesBenchmark {

	private final Http http;

	private final JdbcTemplate jdbc;

	private final ApplicationContext context;

	private final Random random = new Random(13);

	@Autowired
	MetricsQueriesBenchmark(@LocalServerPort int port, JdbcTemplate jdbc, ApplicationContext context) {
		this.http = new Http(port);
		this.jdbc = jdbc;
		this.context = context;
	}

	@Test
	void metricsOverTenThousandProductions() {
		int productions = Integer.getInteger("greenlight.benchmark.productions", 10_000);
		int runs = Integer.getInteger("greenlight.benchmark.runs", 100);
		long insertStart = System.nanoTime();
		Dataset dataset = insert(productions);
		double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
		analyze();

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		MetricsProbe probe = new MetricsProbe(this.context);
		Map<String, Map<String, Runnable>> variants = new LinkedHashMap<>();
		variants.put("ops, last 30 days", probe.queries(today.minusDays(29), today, null, null));
		variants.put("ops, last 365 days", probe.queries(today.minusDays(364), today, null, null));
		variants.put("ops, one project, 30 days",
				probe.queries(today.minusDays(29), today, dataset.projects().get(0), null));
		variants.put("producer of 5 projects, 365 days",
				probe.queries(today.minusDays(364), today, null, Users.PRODUCER));

		System.out.printf("%nGreenlight metrics benchmark (%s, %d runs per query after 5 warm-ups)%n",
				database(this.jdbc), runs);
		System.out.printf("  dataset: %,d productions over 2 years (%s), inserted in %.1f s, then VACUUM ANALYZE%n",
				productions, dataset.counts(), insertSeconds);
		System.out.printf("  %-56s %9s %9s%n", "SQL (the repositories' queries, no HTTP)", "p50 ms", "p99 ms");
		variants.forEach((variant, queries) -> queries.forEach((metric, query) -> {
			double[] millis = millis(query, runs);
			System.out.printf("  %-56s %9.1f %9.1f%n", metric + " (" + variant + ")", percentile(millis, 0.50),
					percentile(millis, 0.99));
		}));
		System.out.printf("  %-56s %9s %9s%n", "over HTTP as ops, last 30 days", "p50 ms", "p99 ms");
		for (String path : List.of("/api/clients", "/api/metrics/cycle-times", "/api/metrics/revision-rounds",
				"/api/metrics/first-pass", "/api/metrics/reviewer-turnaround", "/api/metrics/overdue",
				"/api/metrics/throughput")) {
			double[] millis = millis(() -> {
				Http.Response response = this.http.get(Users.OPS, path);
				assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
			}, runs);
			System.out.printf("  %-56s %9.1f %9.1f%n",
					"GET " + path + (path.equals("/api/clients") ? " (for comparison, not a metric)" : ""),
					percentile(millis, 0.50), percentile(millis, 0.99));
		}
		System.out.println();
	}

	/** Autovacuum is off on the local server: without statistics, plans are guesses. */
	private void analyze() {
		Measure.analyze(this.jdbc,
				List.of("client", "project", "project_member", "asset", "asset_version", "review_stage", "decision"));
	}

	/**
	 * 20 clients, 50 projects, 10 reviewers, 5 client reviewers; productions spread
	 * evenly over the last two years, 1–4 versions each (45/30/15/10 %), each version
	 * through internal review (two decisions) and, once internal review passed, client
	 * review (one decision); the last version approved and delivered, except the 3 % of
	 * the newest productions still in internal review.
	 */
	private Dataset insert(int productions) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> projects = new ArrayList<>();
		List<Object[]> clients = new ArrayList<>();
		List<Object[]> projectRows = new ArrayList<>();
		List<Object[]> members = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 6);
		for (int c = 0; c < 20; c++) {
			String clientId = UUID.randomUUID().toString();
			clients.add(new Object[] { clientId, "Bench client " + c + " " + run });
			for (int p = 0; p < ((c < 10) ? 3 : 2); p++) {
				String projectId = UUID.randomUUID().toString();
				projects.add(projectId);
				projectRows.add(new Object[] { projectId, clientId, "BENCH-" + run + "-" + projects.size(),
						"Bench project " + projects.size(), ts(now.minus(800, ChronoUnit.DAYS)) });
				members.add(
						new Object[] { projectId, "bench-producer-" + run + "-" + (projects.size() % 10), "PRODUCER" });
				if (projects.size() <= 5) {
					members.add(new Object[] { projectId, Users.PRODUCER, "PRODUCER" });
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO client (id, name) VALUES (?, ?)", clients);
		this.jdbc.batchUpdate("INSERT INTO project (id, client_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)",
				projectRows);
		this.jdbc.batchUpdate("INSERT INTO project_member (project_id, user_id, role) VALUES (?, ?, ?)", members);

		Rows rows = new Rows();
		long span = Duration.ofDays(730).toSeconds();
		for (int i = 0; i < productions; i++) {
			Instant created = now.minusSeconds(span - span * i / productions);
			production(rows, projects.get(this.random.nextInt(projects.size())), created, i >= productions * 97 / 100);
			if (rows.assets.size() >= 1000) {
				rows.flush(this.jdbc);
			}
		}
		rows.flush(this.jdbc);
		String counts = "%,d versions, %,d review stages, %,d decisions".formatted(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM asset_version", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM review_stage", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class));
		return new Dataset(projects, counts);
	}

	private void production(Rows rows, String projectId, Instant created, boolean running) {
		String assetId = UUID.randomUUID().toString();
		int versions = pick(new int[] { 45, 30, 15, 10 }) + 1;
		String type = (this.random.nextInt(4) == 0) ? "IMAGE" : "VIDEO";
		Instant t = created.plus(hours(1, 48));
		rows.decisions.add(decision(assetId, null, "BRIEF", "bench-producer", "APPROVED", t));
		String approvedVersion = null;
		for (int number = 1; number <= versions; number++) {
			t = t.plus(hours(4, 96));
			String versionId = UUID.randomUUID().toString();
			rows.versions.add(new Object[] { versionId, assetId, number, "v" + number, "creative", ts(t),
					(number == versions) ? "CURRENT" : "SUPERSEDED" });
			boolean last = number == versions;
			// a revision is asked for internally or by the client, about half each
			boolean internalChanges = !last && this.random.nextBoolean();
			Instant opened = t;
			if (running && last) {
				rows.stages.add(stage(assetId, versionId, "INTERNAL_REVIEW", opened, null, null));
				rows.decisions.add(decision(assetId, versionId, "INTERNAL_REVIEW", reviewer(), "APPROVED",
						opened.plus(hours(1, 24))));
				break;
			}
			t = review(rows, assetId, versionId, "INTERNAL_REVIEW", opened,
					internalChanges ? "CHANGES_REQUESTED" : "APPROVED");
			if (internalChanges) {
				continue;
			}
			t = review(rows, assetId, versionId, "CLIENT_REVIEW", t, last ? "APPROVED" : "CHANGES_REQUESTED");
			if (last) {
				approvedVersion = versionId;
			}
		}
		rows.assets.add(new Object[] { assetId, projectId, "Bench " + assetId.substring(0, 8), type, ts(created),
				(approvedVersion != null) ? "DELIVERY" : "INTERNAL_REVIEW",
				(approvedVersion != null) ? "DELIVERED" : "IN_REVIEW", versions - 1, approvedVersion });
	}

	private Instant review(Rows rows, String assetId, String versionId, String stage, Instant opened, String outcome) {
		Instant settled = opened.plus(hours(1, 96));
		rows.stages.add(stage(assetId, versionId, stage, opened, settled, outcome));
		int reviewers = stage.equals("INTERNAL_REVIEW") ? 2 : 1;
		for (int r = 0; r < reviewers; r++) {
			Instant decided = (r == reviewers - 1) ? settled : opened
				.plusSeconds((long) (Duration.between(opened, settled).toSeconds() * this.random.nextDouble()));
			rows.decisions.add(decision(assetId, versionId, stage,
					stage.equals("INTERNAL_REVIEW") ? reviewer() : "bench-client-" + this.random.nextInt(5), outcome,
					decided));
		}
		return settled;
	}

	private Object[] stage(String assetId, String versionId, String stage, Instant opened, Instant settled,
			String outcome) {
		return new Object[] { UUID.randomUUID().toString(), assetId, versionId, stage, "ALL", "r",
				ts(opened.plus(Duration.ofHours(48))), ts(opened), outcome, (settled != null) ? ts(settled) : null };
	}

	private Object[] decision(String assetId, String versionId, String stage, String by, String decision, Instant at) {
		return new Object[] { UUID.randomUUID().toString(), assetId, versionId, stage, decision, by, ts(at),
				UUID.randomUUID().toString() };
	}

	private String reviewer() {
		return "bench-reviewer-" + this.random.nextInt(10);
	}

	private Duration hours(int min, int max) {
		return Duration.ofMinutes(min * 60L + this.random.nextInt((max - min) * 60));
	}

	private int pick(int[] percents) {
		int roll = this.random.nextInt(100);
		for (int i = 0; i < percents.length; i++) {
			roll -= percents[i];
			if (roll < 0) {
				return i;
			}
		}
		return percents.length - 1;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private record Dataset(List<String> projects, String counts) {
	}

	/** Rows waiting for the next batch insert, in foreign-key order. */
	private static final class Rows {

		final List<Object[]> assets = new ArrayList<>();

		final List<Object[]> versions = new ArrayList<>();

		final List<Object[]> stages = new ArrayList<>();

		final List<Object[]> decisions = new ArrayList<>();

		// numbers every asset apart (project_number is unique per project)
		private int numbered;

		void flush(JdbcTemplate jdbc) {
			// approved_version_id has no foreign key: assets go first, with it
			jdbc.batchUpdate(
					"INSERT INTO asset (id, reference, project_number, project_id, title, asset_type, channel, brief, "
							+ "created_at, updated_at, stage, status, revision_round, requested_by, "
							+ "approved_version_id) VALUES (?, ?, ?, ?, ?, ?, 'WEB', 'brief', ?, ?, ?, ?, ?, 'producer', ?)",
					this.assets.stream()
						.map(a -> new Object[] { a[0], "B-" + a[0], ++this.numbered, a[1], a[2], a[3], a[4], a[4], a[5],
								a[6], a[7], a[8] })
						.toList());
			jdbc.batchUpdate("INSERT INTO asset_version (id, asset_id, number, note, uploaded_by, created_at, status, "
					+ "locked) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)", this.versions);
			jdbc.batchUpdate(
					"INSERT INTO review_stage (id, asset_id, version_id, stage, decision_rule, reviewers, "
							+ "due_at, opened_at, outcome, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					this.stages);
			jdbc.batchUpdate("INSERT INTO decision (id, asset_id, version_id, stage, decision, decided_by, "
					+ "decided_at, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", this.decisions);
			this.assets.clear();
			this.versions.clear();
			this.stages.clear();
			this.decisions.clear();
		}

	}

}
