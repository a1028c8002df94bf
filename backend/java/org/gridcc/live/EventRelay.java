package org.gridcc.live;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.gridcc.common.CaseEventsWritten;
import org.jboss.logging.Logger;

/**
 * Gives committed case events their stream position and publishes them, in that order: to the
 * {@code case-events} channel of this node, or, in cluster mode ({@code gridcc.live.kafka}), to
 * the Kafka topic that every node reads.
 *
 * <p>Positions are handed out here, after commit, not by the writers: one statement numbers the
 * committed events that have no number yet, continuing from the highest number given. So the
 * positions have no gaps, and an event that commits late (its transaction started early) simply
 * gets a later number, instead of a number below one that a resuming client has already passed.
 * A round holds an advisory lock from numbering until its events are published and the published
 * mark ({@code stream_published}) has moved: with several nodes, the stream goes out in its own
 * order, and what a node that died mid-round numbered is published by the next round, on any node.
 * The relay wakes when a writer in this service says it has committed events
 * ({@link CaseEventsWritten}), and sweeps on a timer for everything else (other nodes, a restart,
 * events written by hand).
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int BATCH = 1000;
    /** Whoever holds it numbers and publishes events; with several nodes, one at a time. */
    private static final Tuple NUMBERING_LOCK = Tuple.of(0x67726964_63630001L);
    private static final String NUMBER = """
            WITH head AS (SELECT coalesce(max(seq), 0) AS seq FROM case_event),
            next AS (SELECT id, row_number() OVER (ORDER BY id) AS position
                       FROM case_event WHERE seq IS NULL ORDER BY id LIMIT $1)
            UPDATE case_event e SET seq = head.seq + next.position FROM head, next WHERE e.id = next.id""";

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<StreamEvent> channel;
    private final MutinyEmitter<StreamEvent> kafka;
    private final LiveConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;
    /** Used by one round at a time (see running). */
    private volatile SqlConnection own;

    public EventRelay(Pool pool, Vertx vertx, @Channel("case-events") MutinyEmitter<StreamEvent> channel,
                      @Channel("case-events-to-kafka") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
                      MutinyEmitter<StreamEvent> kafka, LiveConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.channel = channel;
        this.kafka = kafka;
        this.config = config;
    }

    /** Starts sweeping; called once the live state has been read from the database. */
    void start() {
        started = true;
        if (config.kafka()) LOG.infof("The stream goes out on the Kafka topic %s", config.topic());
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

    /**
     * Locks, numbers what is waiting, reads everything above the published mark (this round's and
     * any left by a dead node), publishes it, moves the mark and unlocks. On its own connection, so
     * that a round never waits for one behind the requests; the statements before and after the
     * publishing are each sent together (the connection pipelines them, in order), so an event waits
     * two round trips to the database instead of six. A failed round closes the connection, which
     * also lets go of the lock.
     */
    private Uni<Integer> round() {
        return connection().chain(c -> {
            Uni<?> locked = c.preparedQuery("SELECT pg_advisory_lock($1)").execute(NUMBERING_LOCK);
            Uni<?> numbered = c.preparedQuery(NUMBER).execute(Tuple.of(BATCH));
            Uni<List<StreamEvent>> waiting = StreamReader.unpublished(c, BATCH);
            return Uni.combine().all().unis(locked, numbered, waiting).asTuple()
                    .chain(read -> publish(read.getItem3()).replaceWith(read.getItem3()))
                    .chain(events -> {
                        Uni<?> marked = events.isEmpty() ? Uni.createFrom().voidItem()
                                : c.preparedQuery("UPDATE stream_published SET seq = $1 WHERE seq < $1").execute(Tuple.of(events.get(events.size() - 1).seq()));
                        Uni<?> unlocked = c.preparedQuery("SELECT pg_advisory_unlock($1)").execute(NUMBERING_LOCK);
                        return Uni.combine().all().unis(marked, unlocked).discardItems().replaceWith(events.size());
                    })
                    .onFailure().call(() -> {
                        own = null;
                        return c.close().onFailure().recoverWithNull();
                    });
        });
    }

    /** The relay's own connection, opened when there is none (at start, or after a failed round). */
    private Uni<SqlConnection> connection() {
        SqlConnection c = own;
        return c != null ? Uni.createFrom().item(c) : pool.getConnection().invoke(opened -> own = opened);
    }

    private Uni<Void> publish(List<StreamEvent> events) {
        if (events.isEmpty()) return Uni.createFrom().voidItem();
        return config.kafka() ? toKafka(events) : toThisNode(events);
    }

    /** One after the other, each when the one before has been folded: the order is the stream's. */
    private Uni<Void> toThisNode(List<StreamEvent> events) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (StreamEvent event : events) sent = sent.chain(() -> channel.send(event));
        return sent;
    }

    /**
     * All handed to the producer in the stream's order, then every acknowledgement awaited: the
     * producer is idempotent and the topic has one partition, so the broker keeps that order
     * without a round trip per event. If one fails, the round fails and the next one sends again
     * from the mark; a fold ignores the positions it has.
     */
    private Uni<Void> toKafka(List<StreamEvent> events) {
        return Uni.join().all(events.stream().map(kafka::send).toList()).andFailFast().replaceWithVoid();
    }
}
