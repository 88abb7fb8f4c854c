package io.greenlight.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.greenlight.benchmark.Chain.Production;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.greenlight.benchmark.Measure.database;
import static io.greenlight.benchmark.Measure.millis;
import static io.greenlight.benchmark.Measure.percentile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite: issue 14's items b to e in one run and one table. Whole
 * productions (brief, brief approved, version 1, both internal reviewers approve, the
 * client approves, delivered) driven over HTTP through Greenlight's API and through the
 * engine's REST API as Tasklist drives them, and the same chain of user tasks and
 * gateways on a bare Camunda engine in this JVM ({@link BareEngine}) as the baseline:
 * <ul>
 * <li>one review decision, p50 and p99 (the review room's {@code POST
 * /api/versions/{id}/decisions}, Tasklist's {@code POST /engine-rest/task/{id}/complete},
 * the bare {@code taskService.complete()});
 * <li>productions per second with 1 and 4 clients at once;
 * <li>SQL statements and commits per step, per decision and per production, the request's
 * own and those of the jobs it causes, counted with datasource-proxy on both engines'
 * data sources ({@link SqlCount}); every statement of one production per way is written
 * to {@code target/production-chain-sql.txt};
 * <li>CPU per production, this JVM's and PostgreSQL's;
 * <li>failed jobs during the 4-client runs ({@link JobFailures}).
 * </ul>
 * Ratios against the bare engine stand next to each figure. See docs/operations.md,
 * "Benchmarks".
 * <p>
 * {@code ./mvnw -B verify -Dskip.npm -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ProductionChainBenchmark -Dgreenlight.test.profile=postgres
 * [-Dgreenlight.benchmark.decisions=100] [-Dgreenlight.benchmark.seconds=20]
 * [-Dgreenlight.benchmark.profiled=5]}
 */
// a test configuration of its own (the counting DataSource) makes a server of its own: a
// JVM of its own
@Tag("own-server")
@ServerIT
class ProductionChainBenchmark {

	private static final List<String> STEPS = List.of("brief", "approve brief", "version 1", "reviewer1 decides",
			"reviewer2 decides", "client decides (to the end)");

	private static final int WARM_UPS = 10;

	private static final Path SQL_LOG = Path.of("target", "production-chain-sql.txt");

	private final Http http;

	private final JdbcTemplate jdbc;

	private final ProcessEngine engine;

	private final AtomicInteger titles = new AtomicInteger();

	@Autowired
	ProductionChainBenchmark(@LocalServerPort int port, JdbcTemplate jdbc, ProcessEngine engine) {
		this.http = new Http(port);
		this.jdbc = jdbc;
		this.engine = engine;
	}

	@Test
	void productionsAndDecisions() throws Exception {
		int decisions = Integer.getInteger("greenlight.benchmark.decisions", 100);
		int seconds = Integer.getInteger("greenlight.benchmark.seconds", 20);
		int profiled = Integer.getInteger("greenlight.benchmark.profiled", 5);
		boolean postgres = Measure.postgres(this.jdbc);
		Cpu cpu = new Cpu(this.jdbc, postgres);
		SqlCount bareSql = SqlCount.ofEmbeddedCaller();
		long start = System.nanoTime();
		try (BareEngine bare = BareEngine.start(url(), System.getProperty("GREENLIGHT_DB_USER", "postgres"),
				System.getProperty("GREENLIGHT_DB_PASSWORD", ""), bareSql);
				PrintWriter sqlLog = new PrintWriter(Files.newBufferedWriter(SQL_LOG))) {
			GreenlightChains chains = new GreenlightChains(this.http, this.engine);
			List<Lane> lanes = List.of(new Lane(chains.api(), CountingSql.SERVER),
					new Lane(chains.engineRest(), CountingSql.SERVER), new Lane(bare.chain(), bareSql));
			// every way warmed up alike (the JIT, the engine's caches), then each measure
			// taken of the three ways one after another, so that the load of other builds
			// on the machine, and the data that piles up, fall on all three alike
			for (int i = 0; i < WARM_UPS; i++) {
				for (Lane lane : lanes) {
					lane.chain().produce(title("warm-up"));
				}
			}
			Measure.analyze(this.jdbc, List.of());
			List<StepSql[]> steps = new ArrayList<>();
			for (Lane lane : lanes) {
				steps.add(profile(lane, profiled, sqlLog));
			}
			List<Latency> latencies = new ArrayList<>();
			for (Lane lane : lanes) {
				latencies.add(latency(lane, decisions));
			}
			Measure.analyze(this.jdbc, List.of());
			List<Throughput> ones = new ArrayList<>();
			for (Lane lane : lanes) {
				ones.add(throughput(lane, 1, seconds, cpu));
			}
			List<Throughput> fours = new ArrayList<>();
			for (Lane lane : lanes) {
				fours.add(throughput(lane, 4, seconds, cpu));
			}
			List<Result> results = new ArrayList<>();
			for (int l = 0; l < lanes.size(); l++) {
				results.add(new Result(lanes.get(l), steps.get(l), latencies.get(l), ones.get(l), fours.get(l)));
			}
			new Table(results, postgres).print(database(this.jdbc), decisions, seconds, profiled,
					(System.nanoTime() - start) / 60e9);
			// what the figures rest on: every way finished productions with 1 and 4
			// clients and lost none, and its statements were counted for each step
			// and decision
			assertThat(results).allSatisfy(result -> {
				String way = result.lane().chain().name();
				assertThat(List.of(result.one(), result.four())).as(way).allSatisfy(run -> {
					assertThat(run.productions()).as(way + ", productions finished").isPositive();
					assertThat(run.failed()).as(way + ", productions failed: " + run.firstFailure()).isZero();
				});
				assertThat(result.steps()).as(way + ", SQL per step")
					.allSatisfy(step -> assertThat(step.average().statements()).isPositive());
				assertThat(result.latency().sql().statements()).as(way + ", SQL per decision").isPositive();
			});
		}
		System.out.printf("  every statement of one production per way: %s%n%n", SQL_LOG.toAbsolutePath());
	}

	private String title(String what) {
		return "Chain " + what + " " + this.titles.incrementAndGet();
	}

	private String url() {
		return this.jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
	}

	/**
	 * SQL per step, averaged over sequential productions: each step measured from a quiet
	 * job executor until the job executor is quiet again, so a step's jobs are its own.
	 * The last production's statements go to the SQL log.
	 */
	private StepSql[] profile(Lane lane, int productions, PrintWriter sqlLog) {
		StepSql[] steps = new StepSql[STEPS.size()];
		for (int s = 0; s < steps.length; s++) {
			steps[s] = new StepSql();
		}
		for (int i = 0; i < productions; i++) {
			boolean record = i == productions - 1;
			AtomicReference<Production> production = new AtomicReference<>();
			List<Runnable> calls = List.of(() -> production.set(lane.chain().start(title("profiled"))),
					() -> lane.chain().approveBrief(production.get()),
					() -> lane.chain().produceVersion(production.get()),
					() -> lane.chain().decision(production.get(), "reviewer1").run(),
					() -> lane.chain().decision(production.get(), "reviewer2").run(), () -> {
						lane.chain().decision(production.get(), "client").run();
						lane.chain().awaitEnd(production.get());
					});
			for (int s = 0; s < calls.size(); s++) {
				lane.sql().record(record);
				measure(lane, calls.get(s), steps[s]);
				if (record) {
					log(sqlLog, lane.chain().name() + ", " + STEPS.get(s), lane.sql().recorded());
				}
			}
			lane.sql().record(false);
		}
		return steps;
	}

	// the step's own task is there once the jobs of the step before are done: its time is
	// the call's (the last step's includes the wait for the production's end)
	private static void measure(Lane lane, Runnable step, StepSql sql) {
		lane.chain().awaitNoJobs();
		SqlCount.Snapshot before = lane.sql().snapshot();
		long start = System.nanoTime();
		step.run();
		double millis = (System.nanoTime() - start) / 1e6;
		lane.chain().awaitNoJobs();
		sql.add(lane.sql().snapshot().minus(before), millis);
	}

	private static void log(PrintWriter sqlLog, String step, Map<SqlCount.Source, Map<String, AtomicLong>> statements) {
		sqlLog.printf("%n== %s%n", step);
		statements.forEach((source, texts) -> {
			sqlLog.printf("  -- %s: %d statements%n", source, texts.values().stream().mapToLong(AtomicLong::get).sum());
			texts.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
				.forEach(entry -> sqlLog.printf("  %4d  %s%n", entry.getValue().get(), entry.getKey()));
		});
		sqlLog.flush();
	}

	/**
	 * Decisions one after another, reviewer1's then reviewer2's on productions in
	 * internal review (prepared first, untimed), the warm-ups of {@link Measure} included
	 * in the SQL counts.
	 */
	private static Latency latency(Lane lane, int runs) {
		int needed = runs + 5;
		List<Runnable> calls = new ArrayList<>();
		while (calls.size() < needed) {
			Production production = lane.chain().start("Chain decision");
			lane.chain().approveBrief(production);
			lane.chain().produceVersion(production);
			calls.add(lane.chain().decision(production, "reviewer1"));
			calls.add(lane.chain().decision(production, "reviewer2"));
		}
		lane.chain().awaitNoJobs();
		SqlCount.Snapshot before = lane.sql().snapshot();
		Iterator<Runnable> next = calls.iterator();
		double[] millis = millis(() -> next.next().run(), runs);
		lane.chain().awaitNoJobs();
		return new Latency(percentile(millis, 0.5), percentile(millis, 0.99),
				PerUnit.of(lane.sql().snapshot().minus(before), needed));
	}

	/**
	 * As many productions as the clients finish in the time, each client driving its own
	 * one after another. A production that fails is counted and left.
	 */
	private Throughput throughput(Lane lane, int clients, int seconds, Cpu cpu) throws Exception {
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients,
				work -> new Thread(work, "bench-driver-" + threads.incrementAndGet()));
		lane.chain().awaitNoJobs();
		Cpu.Sample cpuBefore = cpu.sample();
		SqlCount.Snapshot before = lane.sql().snapshot();
		long start = System.nanoTime();
		long deadline = start + seconds * 1_000_000_000L;
		try (JobFailures failures = JobFailures.watch(lane.chain().engine())) {
			List<Future<?>> drivers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				drivers.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						try {
							lane.chain().produce(title("run"));
							done.incrementAndGet();
						}
						catch (RuntimeException | AssertionError ex) {
							failed.incrementAndGet();
							firstFailure.compareAndSet(null, ex.toString());
						}
					}
				}));
			}
			for (Future<?> driver : drivers) {
				driver.get();
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			lane.chain().awaitNoJobs();
			Cpu.Sample cpuAfter = cpu.sample();
			int productions = Math.max(1, done.get());
			return new Throughput(clients, done.get(), failed.get(), firstFailure.get(), elapsed,
					PerUnit.of(lane.sql().snapshot().minus(before), productions),
					cpuAfter.jvmSince(cpuBefore) / productions, cpuAfter.postgresSince(cpuBefore) / productions,
					failures.report());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * One way of driving productions: its chain and the SQL counter of its engine.
	 */
	record Lane(Chain chain, SqlCount sql) {
	}

	/** Statements and commits per unit (a decision, a production). */
	record PerUnit(double requestStatements, double jobStatements, double requestCommits, double jobCommits) {

		static PerUnit of(SqlCount.Snapshot delta, int units) {
			return new PerUnit(delta.requestStatements() / (double) units, delta.jobStatements() / (double) units,
					delta.requestCommits() / (double) units, delta.jobCommits() / (double) units);
		}

		double statements() {
			return this.requestStatements + this.jobStatements;
		}

		String text() {
			return "%.1f + %.1f (%.1f + %.1f)".formatted(this.requestStatements, this.jobStatements,
					this.requestCommits, this.jobCommits);
		}

	}

	/** A step's SQL, summed over the profiled productions. */
	static final class StepSql {

		private final List<SqlCount.Snapshot> seen = new ArrayList<>();

		private double millis;

		void add(SqlCount.Snapshot delta, double millis) {
			this.seen.add(delta);
			this.millis += millis;
		}

		double averageMillis() {
			return this.millis / Math.max(1, this.seen.size());
		}

		PerUnit average() {
			SqlCount.Snapshot sum = new SqlCount.Snapshot(0, 0, 0, 0, 0, 0);
			for (SqlCount.Snapshot each : this.seen) {
				sum = new SqlCount.Snapshot(sum.requestStatements() + each.requestStatements(),
						sum.jobStatements() + each.jobStatements(), 0, sum.requestCommits() + each.requestCommits(),
						sum.jobCommits() + each.jobCommits(), 0);
			}
			return PerUnit.of(sum, Math.max(1, this.seen.size()));
		}

	}

	record Latency(double p50, double p99, PerUnit sql) {
	}

	record Throughput(int clients, int productions, int failed, String firstFailure, double seconds, PerUnit sql,
			double jvmCpuMillis, double postgresCpuMillis, JobFailures.Report jobs) {

		double perSecond() {
			return this.productions / this.seconds;
		}

		double cpuMillis() {
			return this.jvmCpuMillis + this.postgresCpuMillis;
		}

	}

	record Result(Lane lane, StepSql[] steps, Latency latency, Throughput one, Throughput four) {
	}

	/** The one table, ratios against the bare engine beside each figure. */
	private record Table(List<Result> results, boolean postgres) {

		void print(String database, int decisions, int seconds, int profiled, double minutes) {
			Result api = this.results.get(0);
			Result rest = this.results.get(1);
			Result bare = this.results.get(2);
			System.out.printf("%nGreenlight production chain benchmark (%s, %s, %.1f min)%n", database, LocalDate.now(),
					minutes);
			System.out
				.printf("  %d productions per way to warm up; %d decisions timed per way after 5 warm-ups; %d s per "
						+ "throughput run; SQL per step over %d sequential productions; bare engine: authorization off%n",
						WARM_UPS, decisions, seconds, profiled);
			row("", "Greenlight", "bare engine", "ratio", "target");
			for (Result way : List.of(api, rest)) {
				row("(b) decision p50 / p99 ms, " + way.lane().chain().name(),
						"%.1f / %.1f".formatted(way.latency().p50(), way.latency().p99()),
						"%.1f / %.1f".formatted(bare.latency().p50(), bare.latency().p99()),
						"%.1f× / %.1f×".formatted(way.latency().p50() / bare.latency().p50(),
								way.latency().p99() / bare.latency().p99()),
						way == api ? "≤ 2× / ≤ 3×" : "");
			}
			for (int clients : List.of(1, 4)) {
				for (Result way : List.of(api, rest)) {
					Throughput mine = (clients == 1) ? way.one() : way.four();
					Throughput base = (clients == 1) ? bare.one() : bare.four();
					row("(c) productions/s, %d client%s, %s".formatted(clients, clients == 1 ? "" : "s",
							way.lane().chain().name()), "%.2f (%d)".formatted(mine.perSecond(), mine.productions()),
							"%.2f (%d)".formatted(base.perSecond(), base.productions()),
							"%.2f×".formatted(mine.perSecond() / base.perSecond()), "");
				}
				Throughput apiRun = (clients == 1) ? api.one() : api.four();
				Throughput restRun = (clients == 1) ? rest.one() : rest.four();
				row("(c) /api ÷ engine REST, %d client%s".formatted(clients, clients == 1 ? "" : "s"),
						"%.2f×".formatted(apiRun.perSecond() / restRun.perSecond()), "", "", "≥ 0.8×");
			}
			for (Result way : List.of(api, rest)) {
				row("(d) SQL per decision, req + jobs (commits), " + way.lane().chain().name(),
						way.latency().sql().text(), bare.latency().sql().text(),
						"%.1f×".formatted(way.latency().sql().statements() / bare.latency().sql().statements()),
						way == api ? "≤ 1.5×" : "");
			}
			for (Result way : List.of(api, rest)) {
				row("(d) SQL per production, 1 client, " + way.lane().chain().name(), way.one().sql().text(),
						bare.one().sql().text(),
						"%.1f×".formatted(way.one().sql().statements() / bare.one().sql().statements()), "");
			}
			for (Result way : List.of(api, rest)) {
				row("(e) CPU ms per production, JVM + PG, " + way.lane().chain().name(), cpu(way.one()),
						cpu(bare.one()), "%.1f×".formatted(way.one().cpuMillis() / bare.one().cpuMillis()),
						way == api ? "≤ 3×" : "");
			}
			System.out.printf("%n  SQL per step, request + jobs (commits), average of %d productions:%n", profiled);
			row("step", "/api", "engine REST", "bare engine", "/api ÷ bare, REST ÷ bare");
			for (int s = 0; s < STEPS.size(); s++) {
				PerUnit a = api.steps()[s].average();
				PerUnit r = rest.steps()[s].average();
				PerUnit b = bare.steps()[s].average();
				row(STEPS.get(s), a.text(), r.text(), b.text(),
						"%.1f× / %.1f×".formatted(a.statements() / b.statements(), r.statements() / b.statements()));
			}
			System.out.printf("%n  time per step, ms (the call alone; average of %d sequential productions):%n",
					profiled);
			row("step", "/api", "engine REST", "bare engine", "");
			for (int s = 0; s < STEPS.size(); s++) {
				row(STEPS.get(s), "%.1f".formatted(api.steps()[s].averageMillis()),
						"%.1f".formatted(rest.steps()[s].averageMillis()),
						"%.1f".formatted(bare.steps()[s].averageMillis()), "");
			}
			System.out.printf("%n  failed jobs and productions in the 4-client runs:%n");
			for (Result way : this.results) {
				Throughput four = way.four();
				System.out.printf("  %-12s %s; %d productions failed%s%n", way.lane().chain().name(),
						four.jobs().summary(), four.failed(),
						four.firstFailure() == null ? "" : " (first: " + four.firstFailure() + ")");
				four.jobs().causes().forEach((cause, count) -> System.out.printf("    %4d × %s%n", count, cause));
				four.jobs().firstLines().forEach(line -> System.out.printf("    log: %s%n", line));
				if (way.one().failed() > 0 || way.one().jobs().failedAttempts() > 0) {
					System.out.printf("  %-12s 1 client: %s; %d productions failed%n", "", way.one().jobs().summary(),
							way.one().failed());
					way.one().jobs().firstLines().forEach(line -> System.out.printf("    log: %s%n", line));
				}
			}
		}

		private String cpu(Throughput run) {
			return this.postgres ? "%.0f + %.0f".formatted(run.jvmCpuMillis(), run.postgresCpuMillis())
					: "%.0f + n/a".formatted(run.jvmCpuMillis());
		}

		private static void row(String label, String figure, String bare, String ratio, String target) {
			System.out.printf("  %-56s %-28s %-26s %-14s %s%n", label, figure, bare, ratio, target);
		}

	}

	/**
	 * Wraps the server's data source to count its statements and commits; only this
	 * benchmark's server has it (its own Spring context).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingSql {

		static final SqlCount SERVER = SqlCount.ofServer();

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && "dataSource".equals(beanName))
							? SERVER.wrap(dataSource) : bean;
				}

			};
		}

	}

}
