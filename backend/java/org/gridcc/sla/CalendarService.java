package org.gridcc.sla;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** Keeps the official working-day calendar, one year at a time. */
@ApplicationScoped
public class CalendarService {

    private final CalendarDayRepository days;

    public CalendarService(CalendarDayRepository days) {
        this.days = days;
    }

    @WithSession
    public Uni<CalendarYear> year(int year) {
        return days.inYear(year).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.notFound(
                        "No holiday calendar is loaded for %d; load it with PUT /api/calendar/%d.".formatted(year, year));
            }
            return toYear(year, list);
        });
    }

    /** Replaces the whole year in one transaction: a rejected year changes nothing. */
    @WithTransaction
    public Uni<CalendarYear> replaceYear(int year, CalendarYear calendar) {
        List<FieldError> errors = check(year, calendar);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.VALIDATION_FAILED,
                    "The calendar for %d has days that do not fit; see errors.".formatted(year), errors));
        }
        List<CalendarDay> entities = calendar.days().stream()
                .map(e -> new CalendarDay(e.date(), e.kind(), e.note()))
                .toList();
        return days.deleteYear(year)
                .chain(() -> days.persist(entities))
                .map(ignored -> toYear(year, entities));
    }

    private static List<FieldError> check(int year, CalendarYear calendar) {
        var errors = new ArrayList<FieldError>();
        if (calendar.year() != 0 && calendar.year() != year) {
            errors.add(new FieldError("year", "the body is for %d but the path names %d".formatted(calendar.year(), year)));
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < calendar.days().size(); i++) {
            var entry = calendar.days().get(i);
            String field = "days[%d].date".formatted(i);
            if (entry.date().getYear() != year) {
                errors.add(new FieldError(field, "%s is not in %d".formatted(entry.date(), year)));
            }
            Integer first = seen.putIfAbsent(entry.date(), i);
            if (first != null) {
                errors.add(new FieldError(field, "%s is listed twice (also days[%d])".formatted(entry.date(), first)));
            }
            if (entry.kind() == DayKind.WORK && !isWeekend(entry.date())) {
                errors.add(new FieldError(field, "%s is a %s, already a working day; only weekend days can be swapped workdays"
                        .formatted(entry.date(), entry.date().getDayOfWeek())));
            }
        }
        return errors;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static CalendarYear toYear(int year, List<CalendarDay> list) {
        return new CalendarYear(year, list.stream()
                .sorted(java.util.Comparator.comparing(d -> d.day))
                .map(d -> new CalendarYear.Entry(d.day, d.kind, d.note))
                .toList());
    }
}
