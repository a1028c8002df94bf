package org.gridcc.sla;

import static org.gridcc.common.ServiceClock.CHINA;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The 2026 calendar as seeded by V1__core_schema.sql, and short ways to write times in China. */
final class SlaFixtures {

    /** State Council notice of 2025-11-04, copied from V1__core_schema.sql. */
    static final WorkingCalendar CALENDAR_2026 = new WorkingCalendar(exceptions2026());

    private SlaFixtures() {}

    /** A local time in China: {@code at("2026-02-13T16:00")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    /** 24:00 of a day in China. */
    static Instant endOf(String date) {
        return WorkingCalendar.endOf(LocalDate.parse(date));
    }

    static Map<DeadlineKind, Deadline> deadlines(String ruleSet, CaseHistory events) {
        var byKind = new EnumMap<DeadlineKind, Deadline>(DeadlineKind.class);
        DeadlineCalculator.deadlines(RuleSets.load(ruleSet), CALENDAR_2026, events).forEach(d -> byKind.put(d.kind(), d));
        return byKind;
    }

    private static Map<LocalDate, DayKind> exceptions2026() {
        var days = new HashMap<LocalDate, DayKind>();
        off(days, "2026-01-01", "2026-01-03"); // 元旦
        off(days, "2026-02-15", "2026-02-23"); // 春节
        off(days, "2026-04-04", "2026-04-06"); // 清明节
        off(days, "2026-05-01", "2026-05-05"); // 劳动节
        off(days, "2026-06-19", "2026-06-21"); // 端午节
        off(days, "2026-09-25", "2026-09-27"); // 中秋节
        off(days, "2026-10-01", "2026-10-07"); // 国庆节
        for (String work : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}) {
            days.put(LocalDate.parse(work), DayKind.WORK);
        }
        return days;
    }

    private static void off(Map<LocalDate, DayKind> days, String first, String last) {
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
            days.put(day, DayKind.OFF);
        }
    }
}
