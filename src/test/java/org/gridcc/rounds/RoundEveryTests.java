package org.gridcc.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import org.gridcc.sla.DayKind;
import org.gridcc.sla.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** The periods of the rounds' schedule on the working-day calendar (2026's National Day holiday and its swapped Saturday). */
class RoundEveryTests {

    private static final WorkingCalendar CALENDAR = calendar();

    private static WorkingCalendar calendar() {
        var days = new HashMap<LocalDate, DayKind>();
        for (int d = 1; d <= 7; d++) days.put(LocalDate.of(2026, 10, d), DayKind.OFF);
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORK);
        return new WorkingCalendar(days);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aDailyRoundIsDueOnEachWorkingDayOnly() {
        var periods = RoundEvery.DAY.due(day("2026-09-30"), day("2026-10-10"), CALENDAR);
        assertThat(periods).extracting(RoundEvery.Period::due).containsExactly(day("2026-09-30"), day("2026-10-08"), day("2026-10-09"),
                day("2026-10-10"));
    }

    @Test
    void aWeeklyRoundIsDueByTheWeeksLastWorkingDayAndAHolidayWeekHasNone() {
        var periods = RoundEvery.WEEK.due(day("2026-09-28"), day("2026-10-18"), CALENDAR);
        // 9-28..10-04: 9-28..9-30 work, so due 9-30; 10-05..10-11: due Saturday 10-10 (swapped); 10-12..10-18: Friday.
        assertThat(periods).containsExactly(new RoundEvery.Period(day("2026-09-28"), day("2026-10-04"), day("2026-09-30")),
                new RoundEvery.Period(day("2026-10-05"), day("2026-10-11"), day("2026-10-10")),
                new RoundEvery.Period(day("2026-10-12"), day("2026-10-18"), day("2026-10-16")));
        assertThat(RoundEvery.WEEK.due(day("2026-10-01"), day("2026-10-04"), CALENDAR)).isEmpty();
    }

    @Test
    void monthlyAndQuarterlyRoundsAreDueByThePeriodsLastWorkingDay() {
        assertThat(RoundEvery.MONTH.due(day("2026-01-01"), day("2026-12-31"), CALENDAR)).hasSize(12)
                .element(9).isEqualTo(new RoundEvery.Period(day("2026-10-01"), day("2026-10-31"), day("2026-10-30")));
        assertThat(RoundEvery.QUARTER.due(day("2026-07-01"), day("2026-12-31"), CALENDAR)).containsExactly(
                new RoundEvery.Period(day("2026-07-01"), day("2026-09-30"), day("2026-09-30")),
                new RoundEvery.Period(day("2026-10-01"), day("2026-12-31"), day("2026-12-31")));
        // A period whose due day lies after the window is not due in it.
        assertThat(RoundEvery.QUARTER.due(day("2026-10-01"), day("2026-12-30"), CALENDAR)).isEmpty();
    }
}
