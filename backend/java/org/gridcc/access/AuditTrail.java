package org.gridcc.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcc.common.DatabaseOutage;
import org.gridcc.common.StatementBatches;
import org.jboss.logging.Logger;

/**
 * Writes the audit trail (append-only: the table refuses updates and deletes). Entries that guard
 * personal data (unmasked reads) are written before the data leaves; the caller waits for them.
 * Other entries record what happened whatever the database does: while it is out of reach they are
 * kept in memory and written, with the time they happened, once it is back. What cannot be kept (more
 * than {@value #KEEP_AT_MOST} waiting, or still waiting when the service stops) is counted in the
 * metric {@code gridcc_audit_entries_lost_total}.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Outcome { OK, REFUSED, FAILED }

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    static final int KEEP_AT_MOST = 10_000;

    /** Entries that come together are written together: one commit, not one per change. */
    private final StatementBatches entries;
    private final Queue<Tuple> kept = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptCount = new AtomicInteger();
    private final Counter lost;

    public AuditTrail(Pool pool, MeterRegistry metrics) {
        this.entries = new StatementBatches(pool, """
                INSERT INTO audit_entry (at, actor, role, action, target, outcome, address, detail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""");
        this.lost = Counter.builder("gridcc.audit.entries.lost")
                .description("Audit entries never written: kept during a database outage beyond the limit, or at shutdown")
                .register(metrics);
        Gauge.builder("gridcc.audit.entries.waiting", keptCount, AtomicInteger::get)
                .description("Audit entries kept during a database outage, to be written once it is back")
                .register(metrics);
    }

    /** An entry for a signed-in caller, kept through an outage. */
    public Uni<Void> record(Caller caller, String action, String target, Outcome outcome, String address, Map<String, Object> detail) {
        return record(caller.username(), caller.role().code(), action, target, outcome, address, detail);
    }

    /** An entry for someone not signed in (a failed sign-in names the user it tried), kept through an outage. */
    public Uni<Void> record(String actor, String role, String action, String target, Outcome outcome, String address,
                            Map<String, Object> detail) {
        Tuple entry = entry(actor, role, action, target, outcome, address, detail);
        return write(entry).onFailure(e -> DatabaseOutage.causeIn(e) != null).recoverWithItem(e -> {
            keep(entry);
            return null;
        });
    }

    /** An entry that guards what the caller is about to show: committed first, or the caller fails (nothing is kept). */
    public Uni<Void> recordBeforeShowing(Caller caller, String action, String target, String address, Map<String, Object> detail) {
        return write(entry(caller.username(), caller.role().code(), action, target, Outcome.OK, address, detail));
    }

    private static Tuple entry(String actor, String role, String action, String target, Outcome outcome, String address,
                               Map<String, Object> detail) {
        return Tuple.from(Arrays.asList(Instant.now().atOffset(ZoneOffset.UTC), actor, role, action, target,
                outcome.name().toLowerCase(), address, new JsonObject(detail)));
    }

    private Uni<Void> write(Tuple entry) {
        return entries.execute(entry).replaceWithVoid();
    }

    private void keep(Tuple entry) {
        if (keptCount.incrementAndGet() > KEEP_AT_MOST) {
            keptCount.decrementAndGet();
            lost.increment();
            return;
        }
        kept.add(entry);
    }

    /** Writes what was kept, as long as the database takes it; the rest waits for the next round. */
    @Scheduled(every = "{gridcc.audit.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> writeKept() {
        List<Tuple> batch = new ArrayList<>();
        for (Tuple next; batch.size() < 500 && (next = kept.poll()) != null; ) batch.add(next);
        if (batch.isEmpty()) return Uni.createFrom().voidItem();
        keptCount.addAndGet(-batch.size());
        return Uni.join().all(batch.stream().map(entry -> write(entry).onFailure().recoverWithItem(e -> {
                    if (DatabaseOutage.causeIn(e) != null) {
                        keep(entry);
                    } else {
                        lost.increment();
                        LOG.errorf(e, "Could not write a kept audit entry");
                    }
                    return null;
                })).toList()).andCollectFailures().replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent event) {
        int left = keptCount.getAndSet(0);
        if (left > 0) {
            lost.increment(left);
            LOG.warnf("%d audit entries kept during a database outage were never written: the service stops", left);
        }
    }
}
