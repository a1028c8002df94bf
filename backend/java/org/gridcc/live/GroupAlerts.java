package org.gridcc.live;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridcc.cases.CaseRecord;
import org.jboss.logging.Logger;

/**
 * Writes an early warning of a group event (群体性事件苗头) as a GROUP_ALERT event of the case that
 * completed the cluster, so that it reaches every screen through the stream and stays in the
 * case's history. The alert row is written only if the village has no alert of the category
 * within the window, in the same statement as the event: one cluster, one alert, also when the
 * service restarts in between. Every node folds every case and so tries to raise the same alert:
 * the check and the write run under an advisory lock of the village and category, taken before
 * the statement, so that the second writer sees the first one's alert.
 */
@ApplicationScoped
public class GroupAlerts {

    private static final Logger LOG = Logger.getLogger(GroupAlerts.class);

    private static final String RAISE = CaseRecord.appendEach("""
            alert AS (
                INSERT INTO group_alert (village_code, category, raised_at, case_count, case_id)
                SELECT $1, $2, $3::timestamptz, $4, $5
                 WHERE NOT EXISTS (SELECT 1 FROM group_alert
                                    WHERE village_code = $1 AND category = $2 AND raised_at > $3::timestamptz - make_interval(secs => $6))
                RETURNING id)""", """
            SELECT $5, 'GROUP_ALERT', 'live:group-alert', $3::timestamptz,
                   jsonb_build_object('village', $1, 'category', $2, 'cases', $4, 'windowHours', $6 / 3600.0)
              FROM alert""");

    private final Pool pool;
    private final CaseRecord record;

    public GroupAlerts(Pool pool, CaseRecord record) {
        this.pool = pool;
        this.record = record;
    }

    /** Writes the alert; {@code whenNotWritten} runs if the database refused it, so that the next case tries again. */
    void raise(LiveCase trigger, int cases, Duration window, Instant now, Runnable whenNotWritten) {
        pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('group_alert|' || $1 || '|' || $2))")
                        .execute(Tuple.of(trigger.village(), trigger.category()))
                        .chain(() -> tx.preparedQuery(RAISE).execute(Tuple.of(trigger.village(), trigger.category(),
                                now.atOffset(ZoneOffset.UTC), cases, trigger.id(), (double) window.toSeconds()))))
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
}
