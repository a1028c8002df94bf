package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarReadinessTests {

    private static final WorkingCalendar ONLY_2026 = SlaFixtures.CALENDAR_2026;

    @Test
    void nextYearsCalendarIsAskedForFromTheFirstOfNovember() {
        assertThat(CalendarReadiness.warning(LocalDate.parse("2026-10-31"), ONLY_2026)).isNull();
        assertThat(CalendarReadiness.warning(LocalDate.parse("2026-11-01"), ONLY_2026)).contains("2027").contains("PUT /api/calendar/2027");
        assertThat(CalendarReadiness.warning(LocalDate.parse("2026-12-31"), ONLY_2026)).contains("2027");
    }

    @Test
    void onceLoadedThereIsNoWarning() {
        var both = new WorkingCalendar(Map.of(LocalDate.parse("2026-10-01"), DayKind.OFF, LocalDate.parse("2027-01-01"), DayKind.OFF));
        assertThat(CalendarReadiness.warning(LocalDate.parse("2026-11-15"), both)).isNull();
    }

    @Test
    void aYearWithoutItsCalendarIsWarnedOfAtAnyTime() {
        assertThat(CalendarReadiness.warning(LocalDate.parse("2027-03-01"), ONLY_2026)).contains("2027").contains("provisional");
    }
}
