package io.greenlight.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assets approved and delivered per ISO week (Monday to Sunday, UTC), every week the
 * period touches listed, so a chart shows quiet weeks as zero.
 */
record Throughput(MetricsFilter.Period period, long approvedAssets, long deliveredAssets, List<Week> weeks) {

	/**
	 * @param week the ISO week, e.g. 2026-W48
	 * @param weekStart its Monday
	 */
	record Week(String week, LocalDate weekStart, long approved, long delivered) {

		static Week of(LocalDate monday, long approved, long delivered) {
			return new Week(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
					monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, approved, delivered);
		}

	}

	static Throughput of(MetricsFilter.Period period, List<Week> counted) {
		Map<LocalDate, Week> byMonday = counted.stream()
			.collect(Collectors.toMap(Week::weekStart, Function.identity()));
		List<Week> weeks = new ArrayList<>();
		LocalDate monday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (; !monday.isAfter(period.to()); monday = monday.plus(1, ChronoUnit.WEEKS)) {
			weeks.add(byMonday.getOrDefault(monday, Week.of(monday, 0, 0)));
		}
		return new Throughput(period, counted.stream().mapToLong(Week::approved).sum(),
				counted.stream().mapToLong(Week::delivered).sum(), weeks);
	}

}
