package io.greenlight.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.slf4j.LoggerFactory;

/**
 * Failed jobs while it watches: the engine's failure log (every failed attempt of a job,
 * history level full), jobs left with an exception, incidents, and warnings or errors
 * logged on job executor threads. The engine's command context logger, off in the tests
 * (refused completions are expected there), is turned up to ERROR while watching, so a
 * job's exception is logged.
 */
final class JobFailures extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private static final String CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	private final List<ProcessEngine> engines;

	private final Date since = new Date();

	private final AtomicLong logLines = new AtomicLong();

	private final List<String> firstLines = Collections.synchronizedList(new ArrayList<>());

	private final Level contextLevel;

	private JobFailures(List<ProcessEngine> engines) {
		this.engines = engines;
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger context = logging.getLogger(CONTEXT_LOGGER);
		this.contextLevel = context.getLevel();
		context.setLevel(Level.ERROR);
		setContext(logging);
		setName("job-failures");
		start();
		logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
	}

	static JobFailures watch(ProcessEngine... engines) {
		return new JobFailures(List.of(engines));
	}

	@Override
	protected void append(ILoggingEvent event) {
		String thread = event.getThreadName();
		boolean jobThread = thread.startsWith("camundaTaskExecutor") || thread.startsWith("pool-")
				|| thread.contains("JobExecutor");
		if (jobThread && event.getLevel().isGreaterOrEqual(Level.WARN)) {
			this.logLines.incrementAndGet();
			if (this.firstLines.size() < 5) {
				this.firstLines
					.add(event.getLoggerName() + " " + firstLine(event.getFormattedMessage(), 160) + rootCause(event));
			}
		}
	}

	// the engine wraps the database's answer in several exceptions, each repeating the
	// one below with more words: the deepest one says what happened
	private static String rootCause(ILoggingEvent event) {
		IThrowableProxy root = event.getThrowableProxy();
		if (root == null) {
			return "";
		}
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return " | root cause: " + root.getClassName() + ": " + firstLine(root.getMessage(), 300);
	}

	private static String firstLine(String text, int max) {
		String line = String.valueOf(text).lines().findFirst().orElse("").strip();
		return (line.length() > max) ? line.substring(0, max) + "…" : line;
	}

	/** What failed since watching started, over all watched engines. */
	Report report() {
		long failed = 0;
		long succeeded = 0;
		long withException = 0;
		long incidents = 0;
		Map<String, Long> causes = new TreeMap<>();
		for (ProcessEngine engine : this.engines) {
			List<HistoricJobLog> failures = SqlCount
				.quietly(() -> engine.getHistoryService().createHistoricJobLogQuery().failureLog().list());
			for (HistoricJobLog failure : failures) {
				if (!failure.getTimestamp().before(this.since)) {
					failed++;
					String message = String.valueOf(failure.getJobExceptionMessage());
					causes.merge(failure.getActivityId() + ": " + message.substring(0, Math.min(message.length(), 300)),
							1L, Long::sum);
				}
			}
			succeeded += SqlCount.quietly(() -> engine.getHistoryService()
				.createHistoricJobLogQuery()
				.successLog()
				.list()
				.stream()
				.filter(log -> !log.getTimestamp().before(this.since))
				.count());
			withException += SqlCount
				.quietly(() -> engine.getManagementService().createJobQuery().withException().count());
			incidents += SqlCount.quietly(() -> engine.getRuntimeService().createIncidentQuery().count());
		}
		return new Report(failed, succeeded, withException, incidents, this.logLines.get(),
				List.copyOf(this.firstLines), causes);
	}

	@Override
	public void close() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
		logging.getLogger(CONTEXT_LOGGER).setLevel(this.contextLevel);
		stop();
	}

	/**
	 * @param failedAttempts failed job executions (the failure log)
	 * @param succeeded successful job executions
	 * @param withException jobs that have an exception now (retrying or out of retries)
	 * @param incidents open incidents now
	 * @param logLines warnings and errors logged on job executor threads
	 */
	record Report(long failedAttempts, long succeeded, long withException, long incidents, long logLines,
			List<String> firstLines, Map<String, Long> causes) {

		String summary() {
			return "%d failed of %d job executions (%.2f %%), %d jobs with an exception, %d incidents, %d job executor log lines"
				.formatted(this.failedAttempts, this.failedAttempts + this.succeeded,
						100.0 * this.failedAttempts / Math.max(1, this.failedAttempts + this.succeeded),
						this.withException, this.incidents, this.logLines);
		}

	}

}
