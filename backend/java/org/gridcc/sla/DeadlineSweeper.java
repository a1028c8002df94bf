package org.gridcc.sla;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.gridcc.common.CaseEventsWritten;
import org.gridcc.common.ServiceClock;
import org.jboss.logging.Logger;

/**
 * Writes WARNED when a case's open deadline reaches its warning time and OVERDUE when it
 * passes, each exactly once per deadline: the alert is recorded with a unique key in the same
 * statement that writes the event, so sweeps that overlap, or that run again after a restart,
 * write nothing twice.
 */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);
    /** Deadlines that are a right to use (a review window), not a duty: they lapse, nobody is late. */
    private static final String[] OPTIONS = Arrays.stream(DeadlineKind.values())
            .filter(DeadlineKind::isOption).map(Enum::name).toArray(String[]::new);

    private final Pool pool;
    private final ServiceClock clock;

    private final Event<CaseEventsWritten> written;

    public DeadlineSweeper(Pool pool, ServiceClock clock, Event<CaseEventsWritten> written) {
        this.pool = pool;
        this.clock = clock;
        this.written = written;
    }

    @Scheduled(every = "${gridcc.sla.sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(written -> {
            if (written > 0) LOG.infof("Deadline sweep: %d warnings and overdue notices", written);
        }).replaceWithVoid();
    }

    /** One sweep at the service clock's now; the number of events written. */
    public Uni<Integer> sweep() {
        return pool.preparedQuery("""
                        WITH open_deadlines AS (
                            SELECT c.id, d->>'kind' AS kind, (d->>'due')::timestamptz AS due, (d->>'warnAt')::timestamptz AS warn_at
                              FROM "case" c, jsonb_array_elements(c.deadlines) d
                             WHERE c.status NOT IN ('archived', 'rejected') AND d->>'metAt' IS NULL
                               AND NOT (d->>'kind' = ANY ($2)) AND (d->>'warnAt')::timestamptz <= $1),
                        alerts AS (
                            SELECT id, kind, due, 'WARNED' AS level FROM open_deadlines
                            UNION ALL
                            SELECT id, kind, due, 'OVERDUE' FROM open_deadlines WHERE due < $1),
                        recorded AS (
                            INSERT INTO deadline_alert (case_id, kind, level, due, at)
                            SELECT id, kind, level, due, $1 FROM alerts ORDER BY id, due, level DESC
                            ON CONFLICT DO NOTHING
                            RETURNING case_id, kind, level, due)
                        INSERT INTO case_event (case_id, type, actor, at, payload)
                        SELECT case_id, level, 'sla-sweeper', $1, jsonb_build_object('kind', kind, 'due', due)
                          FROM recorded ORDER BY case_id, due, level DESC""")
                .execute(Tuple.of(clock.now().atOffset(ZoneOffset.UTC), OPTIONS))
                .map(rows -> rows.rowCount())
                .invoke(count -> {
                    if (count > 0) written.fire(CaseEventsWritten.NOW);
                });
    }
}
