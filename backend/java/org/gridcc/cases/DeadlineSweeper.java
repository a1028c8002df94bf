package org.gridcc.cases;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.sla.Deadline;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridcc.common.ServiceClock;
import org.jboss.logging.Logger;

/**
 * Watches the open duties of open cases (Luoping: 认领不及时、办理不及时的情况, 后台工作人员会马上提醒):
 * writes WARNED when a deadline reaches its warning time, OVERDUE when it passes, a REMINDED every
 * {@code reminder-every} after that up to {@code reminders} times, and when those go unheeded for one
 * more interval refers the case to the county 纪委 (多次提醒无效则启动纪委督查问责机制: REFERRED, after
 * which the case counts as under the 纪委's supervision). Each notice is written exactly once per
 * deadline: it is recorded with a unique key in the same statement that appends its event, so
 * sweeps that overlap, or run again after a restart, write nothing twice.
 */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    /** The actor of the sweeper's events. */
    static final String ACTOR = "sla-sweeper";

    private static final String SWEEP = CaseRecord.appendEach("""
            open_deadlines AS (
                SELECT d.case_id, d.kind, d.due FROM case_deadline d JOIN "case" c ON c.id = d.case_id
                 WHERE d.met_at IS NULL AND d.duty AND d.warn_at <= $1 AND case_open(c.status)),
            notices AS (
                SELECT case_id, kind, due, 'WARNED' AS level, 0 AS n FROM open_deadlines
                UNION ALL
                SELECT case_id, kind, due, 'OVERDUE', 0 FROM open_deadlines WHERE due < $1
                UNION ALL
                SELECT o.case_id, o.kind, o.due, 'REMINDED', r FROM open_deadlines o, generate_series(1, $3) r
                 WHERE o.due + r * make_interval(secs => $2) < $1
                UNION ALL
                SELECT case_id, kind, due, 'REFERRED', 0 FROM open_deadlines WHERE due + ($3 + 1) * make_interval(secs => $2) < $1),
            recorded AS (
                INSERT INTO deadline_alert (case_id, kind, level, due, n, at)
                SELECT case_id, kind, level, due, n, $1 FROM notices
                ON CONFLICT DO NOTHING
                RETURNING case_id, kind, level, due, n)""", """
            SELECT case_id, level, '%s', $1,
                   jsonb_build_object('kind', kind, 'due', due) || CASE WHEN n > 0 THEN jsonb_build_object('reminder', n, 'of', $3)
                                                                        ELSE '{}'::jsonb END
              FROM recorded
             ORDER BY case_id, due, array_position(ARRAY['WARNED', 'OVERDUE', 'REMINDED', 'REFERRED'], level), n""".formatted(ACTOR));

    private final Pool pool;
    private final ServiceClock clock;
    private final CaseRecord record;
    private final Duration reminderEvery;
    private final int reminders;

    public DeadlineSweeper(Pool pool, ServiceClock clock, CaseRecord record,
                           @ConfigProperty(name = "gridcc.sla.reminder-every", defaultValue = "PT24H") Duration reminderEvery,
                           @ConfigProperty(name = "gridcc.sla.reminders", defaultValue = "3") int reminders) {
        if (reminderEvery.isNegative() || reminderEvery.isZero() || reminders < 0) {
            throw new IllegalArgumentException("gridcc.sla.reminder-every must be positive and gridcc.sla.reminders 0 or more");
        }
        this.pool = pool;
        this.clock = clock;
        this.record = record;
        this.reminderEvery = reminderEvery;
        this.reminders = reminders;
    }

    /** A notice on an open duty (WARNED, OVERDUE, REMINDED number n, REFERRED) and the first instant a sweep writes it. */
    record Notice(String level, int n, Instant from) {}

    /**
     * The notices a duty gets while it stays open, each from the instant a sweep writes it: the rule of
     * the sweep's statement, for a history written at once (the demo's month, {@link DemoCases}).
     */
    List<Notice> notices(Deadline deadline) {
        Instant due = deadline.due();
        var notices = new ArrayList<Notice>();
        notices.add(new Notice("WARNED", 0, deadline.warnAt()));
        notices.add(new Notice("OVERDUE", 0, after(due)));
        for (int r = 1; r <= reminders; r++) notices.add(new Notice("REMINDED", r, after(due.plus(reminderEvery.multipliedBy(r)))));
        notices.add(new Notice("REFERRED", 0, after(due.plus(reminderEvery.multipliedBy(reminders + 1L)))));
        return notices;
    }

    /** A notice's event payload, as the sweep's statement builds it. */
    JsonObject payload(Deadline deadline, Notice notice) {
        var payload = new JsonObject().put("kind", deadline.kind().name()).put("due", CaseRecord.jsonTime(deadline.due()));
        if (notice.n() > 0) payload.put("reminder", notice.n()).put("of", reminders);
        return payload;
    }

    /** The sweep compares strictly (due < now): the first instant after. */
    private static Instant after(Instant limit) {
        return limit.plus(1, ChronoUnit.MICROS);
    }

    @Scheduled(every = "${gridcc.sla.sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(written -> {
            if (written > 0) LOG.infof("Deadline sweep: %d warnings, overdue notices, reminders and referrals", written);
        }).replaceWithVoid();
    }

    /** One sweep at the service clock's now; the number of events written. */
    public Uni<Integer> sweep() {
        return pool.preparedQuery(SWEEP)
                .execute(Tuple.of(clock.now().atOffset(ZoneOffset.UTC), (double) reminderEvery.toSeconds(), reminders))
                .map(rows -> rows.rowCount())
                .invoke(count -> {
                    if (count > 0) record.committed();
                });
    }
}
