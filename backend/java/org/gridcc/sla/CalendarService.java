package org.gridcc.sla;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridcc.common.KeptValues;
import org.gridcc.common.NodeNotices;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/**
 * Keeps the official working-day calendar, one year at a time. Reads go through Hibernate Reactive
 * (the entity {@link CalendarDay}); a year is replaced through the reactive client in one
 * transaction with what depends on it ({@link CalendarChange}: the deadlines of open cases), so
 * that a calendar and the deadlines counted on it never disagree.
 */
@ApplicationScoped
public class CalendarService {

    private final CalendarDayRepository days;
    private final Pool pool;
    private final CalendarChange change;
    private final DeadlineService deadlines;
    private final KeptValues<Integer, Optional<CalendarYear>> years;

    public CalendarService(CalendarDayRepository days, Pool pool, CalendarChange change, DeadlineService deadlines,
                           @CacheName("calendar-years") Cache kept, NodeNotices notices) {
        this.days = days;
        this.pool = pool;
        this.change = change;
        this.deadlines = deadlines;
        this.years = new KeptValues<>(kept);
        // Read again after any node loads a year (this one included).
        notices.listen(DeadlineService.CALENDAR_LOADED, () -> years.forgetAll().subscribe().with(ok -> {}, e -> {}));
    }

    /**
     * A year as loaded: read once through Hibernate Reactive, then kept (that it is not loaded, too)
     * until a year is loaded on any node: it changes once a year, and every page and client reads it.
     */
    public Uni<CalendarYear> year(int year) {
        return years.get(year, () -> days.inYear(year)
                        .map(list -> list.isEmpty() ? Optional.empty() : Optional.of(toYear(year, list))))
                .map(loaded -> loaded.orElseThrow(() -> ProblemException.notFound(
                        "No holiday calendar is loaded for %d; load it with PUT /api/calendar/%d.".formatted(year, year))));
    }

    /**
     * Replaces the whole year and recomputes the deadlines counted over it, in one transaction: a
     * rejected year, or a failure on the way, changes nothing. The service counts on it from then on.
     */
    public Uni<CalendarYear> replaceYear(int year, CalendarYear calendar) {
        List<FieldError> errors = check(year, calendar);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.VALIDATION_FAILED,
                    "The calendar for %d has days that do not fit; see errors.".formatted(year), errors));
        }
        var rows = calendar.days().stream().map(e -> Tuple.of(e.date(), e.kind().code(), e.note())).toList();
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM calendar_day WHERE day BETWEEN $1 AND $2")
                        .execute(Tuple.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                        .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                                : tx.preparedQuery("INSERT INTO calendar_day (day, kind, note) VALUES ($1, $2, $3)").executeBatch(rows)
                                .replaceWithVoid())
                        .chain(() -> DeadlineService.read(tx))
                        .chain(changed -> change.applied(tx, year, changed)))
                .call(() -> years.forgetAll())
                .call(deadlines::calendarLoaded)
                .invoke(Runnable::run)
                .map(ignored -> new CalendarYear(year, calendar.days().stream()
                        .sorted(java.util.Comparator.comparing(CalendarYear.Entry::date)).toList()));
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
