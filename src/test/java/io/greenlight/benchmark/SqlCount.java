package io.greenlight.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements and commits that go through one data source, by who sent
 * them: a request (a web request's thread, or the thread that drives the bare engine),
 * the job executor, or anything else in the background. The benchmark's own waiting
 * (polling for the next task) runs {@link #quietly} and is not counted.
 * <p>
 * A statement run in auto-commit mode is its own transaction: it counts as a commit too,
 * as PostgreSQL counts it ({@code xact_commit}).
 */
final class SqlCount implements QueryExecutionListener, MethodExecutionListener {

	enum Source {

		REQUEST, JOBS, OTHER

	}

	private static final ThreadLocal<Boolean> HARNESS = ThreadLocal.withInitial(() -> false);

	private final Map<Source, AtomicLong> statements = counters();

	private final Map<Source, AtomicLong> commits = counters();

	private final Map<Source, Map<String, AtomicLong>> texts = new ConcurrentHashMap<>();

	private final boolean requestIsAnyThread;

	private volatile boolean recording;

	/**
	 * @param requestIsAnyThread whether every thread but the job executor's is a request
	 * (the bare engine: the benchmark's threads call it directly); otherwise only web
	 * requests' threads are
	 */
	private SqlCount(boolean requestIsAnyThread) {
		this.requestIsAnyThread = requestIsAnyThread;
	}

	/** A counter for the server, whose requests are web requests. */
	static SqlCount ofServer() {
		return new SqlCount(false);
	}

	/** A counter for an engine that the benchmark's threads call directly. */
	static SqlCount ofEmbeddedCaller() {
		return new SqlCount(true);
	}

	DataSource wrap(DataSource dataSource) {
		return ProxyDataSourceBuilder.create(dataSource).listener(this).methodListener(this).build();
	}

	/** Runs the benchmark's own bookkeeping (waiting, looking things up) uncounted. */
	static <T> T quietly(Supplier<T> work) {
		boolean before = HARNESS.get();
		HARNESS.set(true);
		try {
			return work.get();
		}
		finally {
			HARNESS.set(before);
		}
	}

	/** Whether to keep every statement's text, to see which ones a step runs. */
	void record(boolean recording) {
		this.recording = recording;
		if (recording) {
			this.texts.clear();
		}
	}

	/** The statements seen while recording, per source, and how often each ran. */
	Map<Source, Map<String, AtomicLong>> recorded() {
		return this.texts;
	}

	Snapshot snapshot() {
		return new Snapshot(this.statements.get(Source.REQUEST).get(), this.statements.get(Source.JOBS).get(),
				this.statements.get(Source.OTHER).get(), this.commits.get(Source.REQUEST).get(),
				this.commits.get(Source.JOBS).get(), this.commits.get(Source.OTHER).get());
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Source source = source();
		if (source == null) {
			return;
		}
		long count = 0;
		for (QueryInfo query : queries) {
			long times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
			count += times;
			if (this.recording) {
				this.texts.computeIfAbsent(source, any -> new ConcurrentHashMap<>())
					.computeIfAbsent(normalized(query.getQuery()), any -> new AtomicLong())
					.addAndGet(times);
			}
		}
		this.statements.get(source).addAndGet(count);
		if (autoCommit(execution)) {
			this.commits.get(source).addAndGet(count);
		}
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		if (context.getTarget() instanceof Connection && "commit".equals(context.getMethod().getName())) {
			Source source = source();
			if (source != null) {
				this.commits.get(source).incrementAndGet();
			}
		}
	}

	private Source source() {
		if (HARNESS.get()) {
			return null;
		}
		String thread = Thread.currentThread().getName();
		// Spring Boot's job executor threads, and the acquisition thread of either engine
		if (thread.startsWith("camundaTaskExecutor") || thread.contains("JobExecutor")) {
			return Source.JOBS;
		}
		// the bare engine's DefaultJobExecutor runs jobs in an unnamed pool; the
		// benchmark's own threads are named otherwise ("bench-driver-…", "main")
		if (this.requestIsAnyThread && thread.startsWith("pool-")) {
			return Source.JOBS;
		}
		if (this.requestIsAnyThread || thread.startsWith("http-nio")) {
			return Source.REQUEST;
		}
		return Source.OTHER;
	}

	private static boolean autoCommit(ExecutionInfo execution) {
		try {
			return execution.getStatement().getConnection().getAutoCommit();
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private static String normalized(String sql) {
		String flat = sql.replaceAll("\\s+", " ").strip();
		return (flat.length() > 160) ? flat.substring(0, 160) + "…" : flat;
	}

	private static Map<Source, AtomicLong> counters() {
		Map<Source, AtomicLong> counters = new ConcurrentHashMap<>();
		for (Source source : Source.values()) {
			counters.put(source, new AtomicLong());
		}
		return counters;
	}

	/** Statements and commits so far, by source. */
	record Snapshot(long requestStatements, long jobStatements, long otherStatements, long requestCommits,
			long jobCommits, long otherCommits) {

		Snapshot minus(Snapshot before) {
			return new Snapshot(this.requestStatements - before.requestStatements,
					this.jobStatements - before.jobStatements, this.otherStatements - before.otherStatements,
					this.requestCommits - before.requestCommits, this.jobCommits - before.jobCommits,
					this.otherCommits - before.otherCommits);
		}

	}

}
