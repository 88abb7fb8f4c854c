package io.greenlight.approval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working days for review deadlines ({@code greenlight.calendar.*}): "two business days"
 * skips weekends and public holidays and ends at the close of the business day.
 *
 * @param zone the time zone the business days are in
 * @param endOfDay when a business day's deadline falls
 * @param weekend the days nobody is expected to review
 * @param holidays public holidays, as dates
 */
@ConfigurationProperties("greenlight.calendar")
public record BusinessCalendar(@DefaultValue("UTC") ZoneId zone, @DefaultValue("18:00") LocalTime endOfDay,
		@DefaultValue( {
				"SATURDAY", "SUNDAY" }) Set<DayOfWeek> weekend,
		@DefaultValue List<LocalDate> holidays){

	/**
	 * The deadline {@code businessDays} working days after {@code from}: the end of that
	 * day. Zero days means the end of today's business day (or of the next one, when
	 * today is not a working day or it has ended).
	 */
	public ZonedDateTime deadline(ZonedDateTime from, int businessDays) {
		if (businessDays < 0) {
			throw new IllegalArgumentException("Business days cannot be negative: " + businessDays);
		}
		ZonedDateTime start = from.withZoneSameInstant(this.zone);
		LocalDate day = start.toLocalDate();
		if (!isWorkingDay(day) || !start.toLocalTime().isBefore(this.endOfDay)) {
			day = nextWorkingDay(day);
		}
		for (int added = 0; added < businessDays; added++) {
			day = nextWorkingDay(day);
		}
		return day.atTime(this.endOfDay).atZone(this.zone);
	}

	public boolean isWorkingDay(LocalDate day) {
		return !this.weekend.contains(day.getDayOfWeek()) && !this.holidays.contains(day);
	}

	private LocalDate nextWorkingDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

}
