package io.greenlight.metrics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.greenlight.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures creative operations run on, computed in the database over the period and
 * filters asked for ({@link MetricsRequest}): creative-ops over every project, a producer
 * over the projects they are a producer of. Durations are in hours, rates are shares of
 * 0..1. What each metric measures, from which moment to which: docs/metrics.md.
 */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

	private final MetricsFilters filters;

	private final CycleTimes cycleTimes;

	private final ApprovedAssets approved;

	private final ReviewMetrics reviews;

	MetricsController(MetricsFilters filters, CycleTimes cycleTimes, ApprovedAssets approved, ReviewMetrics reviews) {
		this.filters = filters;
		this.cycleTimes = cycleTimes;
		this.approved = approved;
		this.reviews = reviews;
	}

	@GetMapping("/cycle-times")
	CycleTimesAnswer cycleTimes(MetricsRequest request, Authentication authentication) {
		MetricsFilter filter = filter(request, authentication);
		List<CycleTimesAnswer.Stage> stages = this.cycleTimes.perStage(filter)
			.entrySet()
			.stream()
			.map(entry -> CycleTimesAnswer.Stage.of(entry.getKey(), entry.getValue()))
			.toList();
		return new CycleTimesAnswer(filter.period(), stages);
	}

	@GetMapping("/revision-rounds")
	RevisionRounds revisionRounds(MetricsRequest request, Authentication authentication) {
		return this.approved.revisionRounds(filter(request, authentication));
	}

	@GetMapping("/first-pass")
	FirstPass firstPass(MetricsRequest request, Authentication authentication) {
		return this.approved.firstPass(filter(request, authentication));
	}

	@GetMapping("/throughput")
	Throughput throughput(MetricsRequest request, Authentication authentication) {
		return this.approved.throughput(filter(request, authentication));
	}

	@GetMapping("/reviewer-turnaround")
	ReviewerTurnaround reviewerTurnaround(MetricsRequest request, Authentication authentication) {
		return this.reviews.turnaround(filter(request, authentication));
	}

	@GetMapping("/overdue")
	Overdue overdue(MetricsRequest request, Authentication authentication) {
		return this.reviews.overdue(filter(request, authentication), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private MetricsFilter filter(MetricsRequest request, Authentication authentication) {
		return this.filters.of(request, CurrentUser.of(authentication));
	}

	/** Each stage's durations, stages in production order, OVERALL last. */
	record CycleTimesAnswer(MetricsFilter.Period period, List<Stage> stages) {

		record Stage(String stage, long count, Double medianHours, Double p90Hours, Double averageHours) {

			static Stage of(String stage, Durations durations) {
				return new Stage(stage, durations.count(), durations.medianHours(), durations.p90Hours(),
						durations.averageHours());
			}

		}

	}

}
