package org.gridcc.live;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridcc.access.AuditTrail;
import org.gridcc.access.Caller;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.cases.CaseRecord;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.IndexedGrid;
import org.jboss.logging.Logger;

/**
 * The one writer of {@code group_alert}. Raises an early warning of a group event (群体性事件苗头)
 * as a GROUP_ALERT event of the case that completed the cluster, so that it reaches every screen
 * through the stream and stays in the case's history; the alert row (with the cluster's case
 * codes) is written only if the village has no alert of the category within the window, in the
 * same statement as the event: one cluster, one alert, also when the service restarts in between.
 * Every node folds every case and so tries to raise the same alert: the check and the write run
 * under an advisory lock of the village and category, taken before the statement, so that the
 * second writer sees the first one's alert. An alert stays open (on every wall) until a duty
 * officer acknowledges it, once, which is written as a GROUP_ALERT_ACKNOWLEDGED event of the same
 * case and so reaches every wall through the stream too.
 */
@ApplicationScoped
public class GroupAlerts {

    private static final Logger LOG = Logger.getLogger(GroupAlerts.class);

    /** Event types after which the open alerts are read again. */
    static final List<String> CHANGING = List.of("GROUP_ALERT", "GROUP_ALERT_ACKNOWLEDGED");

    private static final String RAISE = CaseRecord.appendEach("""
            trigger AS (SELECT received_at FROM "case" WHERE id = $5),
            alert AS (
                INSERT INTO group_alert (village_code, category, raised_at, case_count, case_id, case_codes)
                SELECT $1, $2, $3::timestamptz, $4, $5,
                       (SELECT coalesce(array_agg(c.code ORDER BY c.received_at, c.id), '{}') FROM "case" c, trigger t
                         WHERE c.village_code = $1 AND c.category = $2
                           AND c.received_at > t.received_at - make_interval(secs => $6) AND c.received_at <= t.received_at)
                 WHERE NOT EXISTS (SELECT 1 FROM group_alert
                                    WHERE village_code = $1 AND category = $2 AND raised_at > $3::timestamptz - make_interval(secs => $6))
                RETURNING id, case_codes)""", """
            SELECT $5, 'GROUP_ALERT', 'live:group-alert', $3::timestamptz,
                   jsonb_build_object('alert', alert.id, 'village', $1, 'category', $2, 'cases', $4,
                                      'caseCodes', to_jsonb(alert.case_codes), 'windowHours', $6 / 3600.0)
              FROM alert""");

    private final Pool pool;
    private final CaseRecord record;
    private final GridIndex index;
    private final AuditTrail audit;
    private final ServiceClock clock;

    public GroupAlerts(Pool pool, CaseRecord record, GridIndex index, AuditTrail audit, ServiceClock clock) {
        this.pool = pool;
        this.record = record;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the alert; {@code whenNotWritten} runs if the database refused it, so that the next case tries again. */
    void raise(LiveCase trigger, int cases, Duration window, Instant now, Runnable whenNotWritten) {
        pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('group_alert|' || $1 || '|' || $2))")
                        .execute(Tuple.of(trigger.village(), trigger.category()))
                        .chain(() -> tx.preparedQuery(RAISE).execute(Tuple.from(Arrays.asList(trigger.village(), trigger.category(),
                                now.atOffset(ZoneOffset.UTC), cases, trigger.id(), (double) window.toSeconds())))))
                .subscribe().with(rows -> {
                    if (rows.rowCount() > 0) {
                        record.committed();
                        LOG.infof("Group-event warning: %d %s cases in village %s within %s", cases, trigger.category(),
                                trigger.village(), window);
                    }
                }, e -> {
                    LOG.errorf("Group-event warning for village %s not written: %s", trigger.village(), e.getMessage());
                    whenNotWritten.run();
                });
    }

    /** The alerts not yet acknowledged, oldest first. */
    public Uni<List<GroupAlert>> open() {
        return pool.query("""
                        SELECT id, village_code, category, case_count, case_codes, raised_at FROM group_alert
                         WHERE acknowledged_at IS NULL ORDER BY raised_at, id""")
                .execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::alert).toList());
    }

    /** What an acknowledgement wrote: the alert, who acknowledged it and when (China time). */
    public record Acknowledged(long id, String village, String acknowledgedBy, OffsetDateTime acknowledgedAt) {}

    /**
     * Acknowledges an alert, once: the row and the event of its case in one transaction, then the
     * audit entry. An alert outside the caller's area is refused (403), one acknowledged already
     * is a 409 that says by whom and when.
     */
    public Uni<Acknowledged> acknowledge(long id, Caller caller, String address) {
        Instant now = clock.now();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                SELECT village_code, case_id, acknowledged_at, acknowledged_by FROM group_alert WHERE id = $1 FOR UPDATE""")
                        .execute(Tuple.of(id))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw ProblemException.notFound("No group-event warning has id %d; the open ones are at GET /api/group-alerts."
                                        .formatted(id));
                            }
                            Row row = rows.iterator().next();
                            String village = row.getString("village_code");
                            if (!caller.seesGrid(village)) {
                                throw new ProblemException(ProblemType.FORBIDDEN, ("Warning %d is in village %s, outside your area (grid %s):"
                                        + " an officer of that area or of the county acknowledges it.").formatted(id, village, caller.grid()));
                            }
                            if (row.getOffsetDateTime("acknowledged_at") != null) {
                                throw new ProblemException(ProblemType.CONFLICT, "Warning %d was acknowledged already, by %s at %s; it is acknowledged once."
                                        .formatted(id, row.getString("acknowledged_by"), ServiceClock.local(row.getOffsetDateTime("acknowledged_at"))));
                            }
                            return tx.preparedQuery("UPDATE group_alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1")
                                    .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), caller.actorName()))
                                    .chain(() -> record.append(tx, row.getLong("case_id"), new CaseRecord.NewEvent("GROUP_ALERT_ACKNOWLEDGED",
                                            caller.actorName(), now, JsonObject.of("alert", id, "village", village))))
                                    .replaceWith(new Acknowledged(id, village, caller.actorName(), ServiceClock.local(now)));
                        }))
                .invoke(record::committed)
                .call(done -> audit.record(caller, "group-alert.acknowledged", String.valueOf(id), AuditTrail.Outcome.OK, address,
                        Map.of("village", done.village())))
                .onFailure(ProblemException.class).call(e -> audit.record(caller, "group-alert.acknowledged", String.valueOf(id),
                        AuditTrail.Outcome.REFUSED, address, Map.of("reason", e.getMessage())));
    }

    private GroupAlert alert(Row row) {
        String village = row.getString("village_code"), category = row.getString("category");
        return new GroupAlert(row.getLong("id"), village, name(village), name(village.substring(0, 9)), category,
                Categories.of(category).map(Category::name).orElse(category), row.getInteger("case_count"),
                Arrays.asList(row.getArrayOfStrings("case_codes")), ServiceClock.local(row.getOffsetDateTime("raised_at")));
    }

    private String name(String code) {
        return index.grid(code).map(IndexedGrid::name).orElse(code);
    }
}
