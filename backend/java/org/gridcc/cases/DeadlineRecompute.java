package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridcc.common.ServiceClock;
import org.gridcc.sla.CalendarChange;
import org.gridcc.sla.Deadline;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/**
 * When a year's official calendar is loaded or changed, the open cases whose deadlines may have
 * been counted over that year get them counted again on the new calendar, in the calendar's own
 * transaction; each case whose deadlines moved (or stopped being provisional) records the change
 * in its history as DEADLINES_RECOMPUTED, with every deadline before and after.
 */
@ApplicationScoped
public class DeadlineRecompute implements CalendarChange {

    static final String EVENT = "DEADLINES_RECOMPUTED";

    private final CaseRecord record;
    private final DeadlineService sla;
    private final ServiceClock clock;

    public DeadlineRecompute(CaseRecord record, DeadlineService sla, ServiceClock clock) {
        this.record = record;
        this.sla = sla;
        this.clock = clock;
    }

    private record Candidate(long id, String ruleSet, List<Deadline> stored) {}

    @Override
    public Uni<Runnable> applied(SqlConnection tx, int year, WorkingCalendar calendar) {
        var yearStart = LocalDate.of(year, 1, 1).atStartOfDay(ServiceClock.CHINA).toOffsetDateTime();
        var yearEnd = LocalDate.of(year + 1, 1, 1).atStartOfDay(ServiceClock.CHINA).toOffsetDateTime();
        // Open cases received before the year ends with a deadline due in it or later: they may count over it.
        return tx.preparedQuery("""
                        SELECT c.id, c.rule_set FROM "case" c
                         WHERE case_open(c.status) AND c.received_at < $2
                           AND EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = c.id AND d.due >= $1)
                         ORDER BY c.id FOR UPDATE OF c""")
                .execute(Tuple.of(yearStart, yearEnd))
                .chain(rows -> {
                    Uni<Integer> changed = Uni.createFrom().item(0);
                    for (Row row : rows) {
                        long id = row.getLong("id");
                        String ruleSet = row.getString("rule_set");
                        changed = changed.chain(count -> recompute(tx, id, ruleSet, year, calendar).map(moved -> count + (moved ? 1 : 0)));
                    }
                    return changed;
                })
                .map(count -> count > 0 ? record::committed : () -> { });
    }

    /** Whether the case's deadlines changed. */
    private Uni<Boolean> recompute(SqlConnection tx, long caseId, String ruleSet, int year, WorkingCalendar calendar) {
        return record.history(tx, caseId).chain(history -> record.storedDeadlines(tx, caseId).chain(before -> {
            List<Deadline> after = sla.after(ruleSet, history, calendar);
            JsonArray changes = changes(before, after);
            if (changes.isEmpty()) return Uni.createFrom().item(false);
            return record.store(tx, caseId, after)
                    .chain(() -> record.append(tx, caseId, new CaseRecord.NewEvent(EVENT, "calendar", clock.now(),
                            new JsonObject().put("year", year).put("changes", changes))))
                    .replaceWith(true);
        }));
    }

    /** The deadlines whose due or warning time or provisional mark differ, as they were and as they are. */
    static JsonArray changes(List<StoredDeadlines.Stored> before, List<Deadline> after) {
        Map<String, StoredDeadlines.Stored> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(d.round() + "/" + d.kind(), d));
        var changes = new JsonArray();
        for (Deadline d : after) {
            StoredDeadlines.Stored was = old.get(d.round() + "/" + d.kind().name());
            if (was != null && was.due().equals(d.due()) && was.warnAt().equals(d.warnAt()) && was.provisional() == d.provisional()) continue;
            changes.add(new JsonObject().put("kind", d.kind().name()).put("round", d.round())
                    .put("dueBefore", was == null ? null : was.due().atOffset(ZoneOffset.UTC).toString())
                    .put("due", d.due().atOffset(ZoneOffset.UTC).toString())
                    .put("provisionalBefore", was != null && was.provisional()).put("provisional", d.provisional()));
        }
        return changes;
    }
}
