package org.gridcc.live;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.gridcc.common.CaseEventsWritten;
import org.jboss.logging.Logger;

/**
 * Gives committed case events their stream position and publishes them, in that order, to the
 * {@code case-events} channel.
 *
 * <p>Positions are handed out here, after commit, not by the writers: under an advisory lock,
 * one statement numbers the committed events that have no number yet, continuing from the
 * highest number given. So the positions have no gaps, and an event that commits late (its
 * transaction started early) simply gets a later number, instead of a number below one that a
 * resuming client has already passed. The relay wakes when a writer in this service says it has
 * committed events ({@link CaseEventsWritten}), and sweeps on a timer for everything else (other
 * nodes, a restart, events written by hand).
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int BATCH = 1000;
    /** Whoever holds it numbers events; with several nodes, one at a time. */
    private static final long NUMBERING_LOCK = 0x67726964_63630001L;
    private static final String NUMBER = """
            WITH head AS (SELECT coalesce(max(seq), 0) AS seq FROM case_event),
            next AS (SELECT id, row_number() OVER (ORDER BY id) AS position
                       FROM case_event WHERE seq IS NULL ORDER BY id LIMIT $1),
            numbered AS (UPDATE case_event e SET seq = head.seq + next.position FROM head, next WHERE e.id = next.id
                         RETURNING e.seq, e.case_id, e.type, e.at)
            SELECT n.seq, n.type, n.at, l.* FROM numbered n JOIN case_live l ON l.id = n.case_id ORDER BY n.seq""";

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<StreamEvent> channel;
    private final LiveConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;

    public EventRelay(Pool pool, Vertx vertx, @Channel("case-events") MutinyEmitter<StreamEvent> channel, LiveConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.channel = channel;
        this.config = config;
    }

    /** Starts sweeping; called once the live state has been read from the database. */
    void start() {
        started = true;
        vertx.setPeriodic(config.relaySweep().toMillis(), id -> wake());
        wake();
    }

    void onWritten(@Observes CaseEventsWritten written) {
        if (started) wake();
    }

    /** Numbers and publishes what is waiting; a call while a round runs makes the round run once more. */
    public void wake() {
        again.set(true);
        if (!running.compareAndSet(false, true)) return;
        again.set(false);
        round().subscribe().with(published -> {
            running.set(false);
            if (published == BATCH || again.get()) wake();
        }, failure -> {
            running.set(false);
            LOG.warnf("Relay round failed (%s); the next sweep tries again", failure.getMessage());
        });
    }

    private Uni<Integer> round() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT 1 FROM pg_advisory_xact_lock($1)").execute(Tuple.of(NUMBERING_LOCK))
                        .chain(() -> tx.preparedQuery(NUMBER).execute(Tuple.of(BATCH))))
                .chain(rows -> {
                    List<StreamEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) events.add(StreamEvent.of(row));
                    // One after the other, each when the one before has been taken: the order is the stream's.
                    Uni<Void> sent = Uni.createFrom().voidItem();
                    for (StreamEvent event : events) sent = sent.chain(() -> channel.send(event));
                    return sent.replaceWith(events.size());
                });
    }
}
