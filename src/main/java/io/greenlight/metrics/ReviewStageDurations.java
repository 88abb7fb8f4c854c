package io.greenlight.metrics;

import java.time.Duration;
import java.util.List;

import io.greenlight.approval.ReviewDecision;
import io.greenlight.approval.ReviewStageSettled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code greenlight_review_stage_duration_seconds{stage, outcome}}: how long review
 * stages took from opening to settling, recorded as each settles. After commit only: a
 * job that rolls back and retries would otherwise count its stage twice.
 */
@Component
class ReviewStageDurations {

	static final String NAME = "greenlight.review.stage.duration";

	/**
	 * Histogram buckets at the deadlines people talk about (hours, business days, weeks),
	 * a few series per stage rather than Micrometer's dozens of percentile buckets.
	 */
	private static final Duration[] BUCKETS = { Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
			Duration.ofDays(14), Duration.ofDays(30) };

	private final MeterRegistry registry;

	ReviewStageDurations(MeterRegistry registry) {
		this.registry = registry;
		// every series exists from the start, so dashboards and rate() see zeros, not
		// gaps
		for (String stage : List.of("INTERNAL_REVIEW", "CLIENT_REVIEW")) {
			for (ReviewDecision outcome : List.of(ReviewDecision.APPROVED, ReviewDecision.APPROVED_WITH_CHANGES,
					ReviewDecision.CHANGES_REQUESTED)) {
				timer(stage, outcome);
			}
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void settled(ReviewStageSettled settled) {
		timer(settled.stage(), settled.outcome()).record(Duration.between(settled.openedAt(), settled.settledAt()));
	}

	private Timer timer(String stage, ReviewDecision outcome) {
		return Timer.builder(NAME)
			.description("Review stages from opening to settling")
			.tag("stage", stage)
			.tag("outcome", outcome.name())
			.serviceLevelObjectives(BUCKETS)
			.register(this.registry);
	}

}
