package org.gridcc.rounds;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLevel;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/**
 * Which rounds were due and which were done: the schedule's periods on the working-day calendar
 * (computed, not stored), joined with the units of each level in a grid's subtree. A round is due
 * once per unit and period; it is missed when the period's last working day has passed without a
 * round of that unit done in the period. Only ended periods count, so today's round is not missed yet.
 */
@ApplicationScoped
public class RoundCompletion {

    public record Missed(GridLevel level, String levelName, String grid, String gridName, LocalDate periodStart, LocalDate periodEnd,
                         LocalDate dueBy) {}

    public record MissedList(String grid, LocalDate from, LocalDate to, long total, List<Missed> missed) {}

    public record LevelCount(GridLevel level, String levelName, RoundEvery every, long due, long done, long missed, Double completionRate) {}

    public record UnitCount(GridLevel level, String grid, String name, long due, long done, long missed) {}

    public record Completion(String grid, LocalDate from, LocalDate to, List<LevelCount> levels, List<UnitCount> units) {}

    private static final String DUE = """
            WITH p AS (SELECT * FROM unnest($2::text[], $3::date[], $4::date[], $5::date[]) AS p(level, start_day, end_day, due_day)),
            due AS (SELECT g.level, g.code, g.name, p.start_day, p.end_day, p.due_day,
                           EXISTS (SELECT 1 FROM screening_round r
                                    WHERE r.grid_code = g.code AND r.done_on BETWEEN p.start_day AND p.end_day) AS done
                      FROM grid g JOIN p ON p.level = g.level
                     WHERE g.version_id = (SELECT id FROM grid_version WHERE status = 'published') AND g.code LIKE $1 || '%')
            """;

    private final Pool pool;
    private final RoundSchedule schedule;
    private final DeadlineService sla;
    private final ServiceClock clock;

    public RoundCompletion(Pool pool, RoundSchedule schedule, DeadlineService sla, ServiceClock clock) {
        this.pool = pool;
        this.schedule = schedule;
        this.sla = sla;
        this.clock = clock;
    }

    public LocalDate today() {
        return WorkingCalendar.dayOf(clock.now());
    }

    /** The missed rounds of a grid's subtree due from..to, the latest first, at most limit of them. */
    public Uni<MissedList> missed(String grid, LocalDate from, LocalDate to, int limit) {
        return periods(from, to).chain(p -> pool.preparedQuery(DUE + """
                        , missed AS (SELECT * FROM due WHERE NOT done)
                        SELECT m.*, (SELECT count(*) FROM missed) AS total FROM missed m
                         ORDER BY m.due_day DESC, m.code LIMIT $6""")
                .execute(p.tuple(grid).addInteger(limit))
                .map(rows -> {
                    var missed = new ArrayList<Missed>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        GridLevel level = GridLevel.of(r.getString("level")).orElseThrow();
                        missed.add(new Missed(level, RoundLevel.chinese(level), r.getString("code"), r.getString("name"),
                                r.getLocalDate("start_day"), r.getLocalDate("end_day"), r.getLocalDate("due_day")));
                    }
                    return new MissedList(grid, from, p.to(), total, missed);
                }));
    }

    /** Due, done and missed per level in a grid's subtree from..to; per unit of one level (all its units in the subtree). */
    public Uni<Completion> completion(String grid, LocalDate from, LocalDate to, GridLevel unitLevel) {
        return periods(from, to).chain(p -> byLevel(p, grid).chain(levels -> pool.preparedQuery(DUE + """
                        SELECT level, code, name, count(*) AS due, count(*) FILTER (WHERE done) AS done FROM due
                         WHERE level = $6 GROUP BY level, code, name ORDER BY count(*) FILTER (WHERE NOT done) DESC, code""")
                .execute(p.tuple(grid).addString(unitLevel.code()))
                .map(rows -> {
                    var units = new ArrayList<UnitCount>();
                    for (Row r : rows) {
                        long due = r.getLong("due"), done = r.getLong("done");
                        units.add(new UnitCount(unitLevel, r.getString("code"), r.getString("name"), due, done, due - done));
                    }
                    return new Completion(grid, from, p.to(), levels, units);
                })));
    }

    /** Due, done and missed per scheduled level in a grid's subtree from..to (the reports' rounds section). */
    public Uni<List<LevelCount>> countsByLevel(String grid, LocalDate from, LocalDate to) {
        return periods(from, to).chain(p -> byLevel(p, grid));
    }

    private Uni<List<LevelCount>> byLevel(DuePeriods p, String grid) {
        return pool.preparedQuery(DUE + "SELECT level, count(*) AS due, count(*) FILTER (WHERE done) AS done FROM due GROUP BY level")
                .execute(p.tuple(grid))
                .map(rows -> {
                    var counts = new ArrayList<LevelCount>();
                    for (RoundSchedule.Entry e : p.schedule()) {
                        long due = 0, done = 0;
                        for (Row r : rows) {
                            if (r.getString("level").equals(e.level().code())) {
                                due = r.getLong("due");
                                done = r.getLong("done");
                            }
                        }
                        counts.add(new LevelCount(e.level(), e.levelName(), e.every(), due, done, due - done,
                                due == 0 ? null : Math.round(1000.0 * done / due) / 1000.0));
                    }
                    return counts;
                });
    }

    /** The periods of every scheduled level whose due day lies from..to, ended by yesterday. */
    private record DuePeriods(List<RoundSchedule.Entry> schedule, LocalDate to, List<String> levels, List<LocalDate> starts,
                              List<LocalDate> ends, List<LocalDate> dues) {
        Tuple tuple(String grid) {
            return Tuple.of(grid, levels.toArray(String[]::new), starts.toArray(LocalDate[]::new), ends.toArray(LocalDate[]::new),
                    dues.toArray(LocalDate[]::new));
        }
    }

    private Uni<DuePeriods> periods(LocalDate from, LocalDate to) {
        LocalDate yesterday = today().minusDays(1);
        LocalDate end = to.isAfter(yesterday) ? yesterday : to;
        return schedule.entries().map(entries -> {
            var p = new DuePeriods(entries, end, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (RoundSchedule.Entry e : entries) {
                for (RoundEvery.Period period : e.every().due(from, end, sla.calendar())) {
                    p.levels().add(e.level().code());
                    p.starts().add(period.start());
                    p.ends().add(period.end());
                    p.dues().add(period.due());
                }
            }
            return p;
        });
    }
}
