package org.gridcc.sla;

import static org.gridcc.common.ServiceClock.CHINA;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official working-day calendar: Monday to Friday, except the official holidays (OFF) and
 * the swapped workdays on a weekend (WORK) of the State Council's yearly notice.
 *
 * <p>All dates are local dates in China ({@link #CHINA}). A day ends at 24:00 local time, which is
 * what the regulations mean by the last day of a period (民法典 第203条: "期间的最后一日的截止时间为二十四时");
 * office hours are not used, so a petitioner who hands something in at 22:00 on the last day is on time.
 *
 * <p>Days of a year whose notice is not loaded are treated as the ordinary week; deadlines counted
 * over such a year are provisional ({@link #isLoaded}).
 */
public final class WorkingCalendar {

    private final Map<LocalDate, DayKind> exceptions;
    /** The years whose notice is loaded: every year has holidays, so a year without entries has none loaded. */
    private final SortedSet<Integer> loadedYears;

    public WorkingCalendar(Map<LocalDate, DayKind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
        this.loadedYears = Collections.unmodifiableSortedSet(new TreeSet<>(exceptions.keySet().stream().map(LocalDate::getYear).toList()));
    }

    /** The calendar as a JDBC transaction sees it (the demo loader's, before the service reads it). */
    public static WorkingCalendar load(Connection c) throws SQLException {
        var days = new HashMap<LocalDate, DayKind>();
        try (var rs = c.createStatement().executeQuery("SELECT day, kind FROM calendar_day")) {
            while (rs.next()) days.put(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2).toUpperCase()));
        }
        return new WorkingCalendar(days);
    }

    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }

    /** The first year whose notice is loaded, if any. */
    public Optional<Integer> firstLoadedYear() {
        return loadedYears.isEmpty() ? Optional.empty() : Optional.of(loadedYears.first());
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind exception = exceptions.get(day);
        if (exception != null) {
            return exception == DayKind.WORK;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        return addWorkingDays(day, 1);
    }

    /** {@code day} itself when it is a working day, else the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        return isWorkingDay(day) ? day : nextWorkingDay(day);
    }

    /** The n-th working day after {@code from}; {@code from} itself is not counted (民法典 第201条). */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count at least one working day, not " + n);
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The local date of an instant in China. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }

    /** 24:00 of {@code day} in China, i.e. the first instant of the next day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
