package io.greenlight.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * The metric queries as the server runs them, for the benchmark in another package: each
 * call runs one family's SQL with the filter given, without HTTP in front of it.
 */
public final class MetricsProbe {

	private final CycleTimes cycleTimes;

	private final ApprovedAssets approved;

	private final ReviewMetrics reviews;

	public MetricsProbe(ApplicationContext context) {
		this.cycleTimes = context.getBean(CycleTimes.class);
		this.approved = context.getBean(ApprovedAssets.class);
		this.reviews = context.getBean(ReviewMetrics.class);
	}

	/**
	 * One runnable per endpoint, by its path segment.
	 * @param producer null: as creative-ops
	 */
	public Map<String, Runnable> queries(LocalDate from, LocalDate to, String projectId, String producer) {
		MetricsFilter filter = new MetricsFilter(from, to, projectId, null, null, producer);
		Map<String, Runnable> queries = new LinkedHashMap<>();
		queries.put("cycle-times", () -> this.cycleTimes.perStage(filter));
		queries.put("revision-rounds", () -> this.approved.revisionRounds(filter));
		queries.put("first-pass", () -> this.approved.firstPass(filter));
		queries.put("reviewer-turnaround", () -> this.reviews.turnaround(filter));
		queries.put("overdue", () -> this.reviews.overdue(filter, OffsetDateTime.now()));
		queries.put("throughput", () -> this.approved.throughput(filter));
		return queries;
	}

}
