package io.greenlight.approval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// Christmas 2026 is a Friday
	private final BusinessCalendar calendar = new BusinessCalendar(BERLIN, LocalTime.of(18, 0),
			Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(LocalDate.of(2026, 12, 25)));

	@Test
	void twoBusinessDaysFromATuesdayEndThursdayEvening() {
		assertThat(this.calendar.deadline(at(2026, 12, 1, 10), 2)).isEqualTo(at(2026, 12, 3, 18));
	}

	@Test
	void weekendsAndHolidaysDoNotCount() {
		// Thursday 24th + 1 business day: not Friday (holiday), not the weekend
		assertThat(this.calendar.deadline(at(2026, 12, 24, 9), 1)).isEqualTo(at(2026, 12, 28, 18));
	}

	@Test
	void zeroDaysIsTheEndOfTheCurrentOrNextBusinessDay() {
		assertThat(this.calendar.deadline(at(2026, 12, 1, 10), 0)).isEqualTo(at(2026, 12, 1, 18));
		assertThat(this.calendar.deadline(at(2026, 12, 1, 19), 0)).isEqualTo(at(2026, 12, 2, 18));
		assertThat(this.calendar.deadline(at(2026, 12, 5, 10), 0)).isEqualTo(at(2026, 12, 7, 18));
	}

	@Test
	void aDayAfterClosingTimeStartsCountingFromTheNextBusinessDay() {
		assertThat(this.calendar.deadline(at(2026, 12, 4, 20), 1)).isEqualTo(at(2026, 12, 8, 18));
	}

	private static ZonedDateTime at(int year, int month, int day, int hour) {
		return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BERLIN);
	}

}
