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

    private Uni<Integer> round() {
        return pool.withConnection(c -> c.preparedQuery("SELECT pg_advisory_lock($1)").execute(NUMBERING_LOCK)
                .chain(() -> numberAndPublish(c))
                .eventually(() -> c.preparedQuery("SELECT pg_advisory_unlock($1)").execute(NUMBERING_LOCK)));
    }

    /** Numbers what is waiting, then publishes everything above the published mark (this round's and any left by a dead node). */
    private Uni<Integer> numberAndPublish(SqlConnection c) {
        return c.preparedQuery(NUMBER).execute(Tuple.of(BATCH))
                .chain(() -> c.query("SELECT seq FROM stream_published").execute())
                .chain(mark -> StreamReader.between(c, mark.iterator().next().getLong(0), Long.MAX_VALUE, BATCH))
                .chain(events -> {
                    if (events.isEmpty()) return Uni.createFrom().item(0);
                    long last = events.get(events.size() - 1).seq();
                    Uni<Void> sent = config.kafka() ? toKafka(events) : toThisNode(events);
                    return sent.chain(() -> c.preparedQuery("UPDATE stream_published SET seq = $1 WHERE seq < $1").execute(Tuple.of(last)))
                            .replaceWith(events.size());
                });
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
