package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcc.sla.SlaFixtures.CALENDAR_2026;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    @Test
    void aSwappedWorkdayOnAWeekendIsAWorkingDay() {
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-02-14"))).as("Sat, Spring Festival swap").isTrue();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-02-28"))).as("Sat, Spring Festival swap").isTrue();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-09-20"))).as("Sun, National Day swap").isTrue();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-10-10"))).as("Sat, National Day swap").isTrue();
    }

    @Test
    void aHolidayOnAWeekdayIsNotAWorkingDay() {
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-02-16"))).as("Mon, Spring Festival").isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-02-23"))).as("Mon, last day of Spring Festival").isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-10-01"))).as("Thu, National Day").isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-10-07"))).as("Wed, National Day").isFalse();
    }

    @Test
    void anOrdinaryWeekIsMondayToFriday() {
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-03-06"))).as("Fri").isTrue();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-03-07"))).as("Sat").isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-03-08"))).as("Sun").isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(day("2026-03-09"))).as("Mon").isTrue();
    }

    @Test
    void theNextWorkingDaySkipsHolidaysAndStopsOnSwappedWorkdays() {
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-02-13"))).as("Fri -> swapped Sat").isEqualTo("2026-02-14");
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-02-14"))).as("over Spring Festival").isEqualTo("2026-02-24");
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-09-18"))).as("Fri -> swapped Sun").isEqualTo("2026-09-20");
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-09-30"))).as("over National Day").isEqualTo("2026-10-08");
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-10-03"))).as("from inside a holiday").isEqualTo("2026-10-08");
        assertThat(CALENDAR_2026.nextWorkingDay(day("2026-03-06"))).as("ordinary weekend").isEqualTo("2026-03-09");
    }

    @Test
    void workingDaysAreCountedFromTheDayAfter() {
        // Fri Feb 13 -> Sat 14 (1), holiday 15..23, Tue 24 (2), 25 (3), 26 (4), Fri 27 (5)
        assertThat(CALENDAR_2026.addWorkingDays(day("2026-02-13"), 5)).isEqualTo("2026-02-27");
        // Wed Sep 30 -> holiday Oct 1..7, Thu 8 (1), Fri 9 (2), swapped Sat 10 (3)
        assertThat(CALENDAR_2026.addWorkingDays(day("2026-09-30"), 3)).isEqualTo("2026-10-10");
        assertThatThrownBy(() -> CALENDAR_2026.addWorkingDays(day("2026-09-30"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void aWorkingDayIsItsOwnWorkingDayOnOrAfter() {
        assertThat(CALENDAR_2026.workingDayOnOrAfter(day("2026-02-14"))).isEqualTo("2026-02-14");
        assertThat(CALENDAR_2026.workingDayOnOrAfter(day("2026-02-15"))).isEqualTo("2026-02-24");
    }

    @Test
    void aDayEndsAtMidnightInChinaWhateverTheServersZone() {
        assertThat(WorkingCalendar.endOf(day("2026-02-13"))).isEqualTo(Instant.parse("2026-02-13T16:00:00Z"));
        assertThat(WorkingCalendar.dayOf(Instant.parse("2026-02-13T16:30:00Z"))).as("00:30 in Beijing").isEqualTo("2026-02-14");
    }

    @Test
    void aYearWithoutItsNoticeFollowsTheOrdinaryWeek() {
        assertThat(CALENDAR_2026.isWorkingDay(day("2027-01-01"))).as("Fri; the 2027 notice is not loaded").isTrue();
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
