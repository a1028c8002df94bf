package org.gridcc.rounds;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridcc.sla.WorkingCalendar;

/**
 * How often a level screens its area (排查), and the periods that makes on the working-day calendar:
 * a round is due once in each period, by the period's last working day. A period without a working
 * day (a week of the Spring Festival holiday) has no round due.
 */
public enum RoundEvery {
    QUARTER("quarter", "每季一次"), MONTH("month", "每月一次"), WEEK("week", "每周一次"), DAY("day", "每天一次");

    private final String code;
    private final String chinese;

    RoundEvery(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<RoundEvery> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    /** The period of this kind holding a day: its first and last day. */
    LocalDate first(LocalDate day) {
        return switch (this) {
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAY -> day;
        };
    }

    LocalDate last(LocalDate day) {
        return switch (this) {
            case QUARTER -> first(day).plusMonths(3).minusDays(1);
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
            case WEEK -> first(day).plusDays(6);
            case DAY -> day;
        };
    }

    /** A period with a round due: from start to end, due by the end of {@code due} (its last working day). */
    public record Period(LocalDate start, LocalDate end, LocalDate due) {}

    /** The periods whose due day lies from {@code from} to {@code to}, oldest first. */
    public List<Period> due(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        var periods = new ArrayList<Period>();
        for (LocalDate start = first(from); !start.isAfter(to); start = last(start).plusDays(1)) {
            LocalDate end = last(start);
            LocalDate due = lastWorkingDay(start, end, calendar);
            if (due != null && !due.isBefore(from) && !due.isAfter(to)) periods.add(new Period(start, end, due));
        }
        return periods;
    }

    private static LocalDate lastWorkingDay(LocalDate start, LocalDate end, WorkingCalendar calendar) {
        for (LocalDate day = end; !day.isBefore(start); day = day.minusDays(1)) {
            if (calendar.isWorkingDay(day)) return day;
        }
        return null;
    }
}
