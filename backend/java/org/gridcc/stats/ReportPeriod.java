package org.gridcc.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import org.gridcc.common.ServiceClock;

/** The periods of the seeds' reports, in China time: a day, a week (Monday to Sunday), a month. */
public enum ReportPeriod {
    DAILY("一天一反馈"), WEEKLY("一周一曝光"), MONTHLY("一月一专报");

    private final String title;

    ReportPeriod(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public LocalDate first(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    public LocalDate afterLast(LocalDate day) {
        return switch (this) {
            case DAILY -> day.plusDays(1);
            case WEEKLY -> first(day).plusWeeks(1);
            case MONTHLY -> first(day).plusMonths(1);
        };
    }

    /** The first instant of a day in China. */
    public static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(ServiceClock.CHINA).toOffsetDateTime();
    }
}
