package org.gridcc.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every service node that something they keep in memory has changed (what tokens stand for,
 * the published grid version), and hears what any node tells: PostgreSQL NOTIFY, and LISTEN on
 * one connection of this node's own (the Vert.x client's PgSubscriber, which reconnects). With
 * one node it tells only itself. A notice sent while the listening connection was down is lost,
 * so a listener also runs whenever its channel is subscribed again, as if told.
 *
 * <p>A node that tells waits until every node has heard: each node, once its listener has run,
 * says so on {@link #HEARD}, and the teller counts those answers against the listening connections
 * of this database (named {@link #LISTENER} in {@code pg_stat_activity}). So the request that made
 * the change is answered only after every node has acted on it: a revoked token is refused on the
 * very next request, whichever node takes it. A listener that goes on in the background (the grid
 * index loading a version) has heard, not finished. A node that does not answer in time (its
 * listening connection down) no longer holds up the teller after {@link #WAIT}.
 */
@ApplicationScoped
public class NodeNotices {

    private static final Logger LOG = Logger.getLogger(NodeNotices.class);

    /** How long a teller waits for every node to have heard (a listening connection may be down). */
    private static final Duration WAIT = Duration.ofSeconds(2);
    /** The channel on which each node says it has heard a notice (the notice's id). */
    static final String HEARD = "gridcc_notice_heard";
    /** The application name of the listening connections, by which a teller counts the nodes. */
    static final String LISTENER = "gridcc-node-notices";
    /** Where a notice's answers start before its nodes are counted. */
    private static final int NOT_COUNTED = 1 << 20;

    private final Pool pool;
    private final PgSubscriber subscriber;
    /** Notices this node sent and not every node has heard yet, by their id: how many still to hear. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Where the subscriber is used, and its connection answers. */
    private final Context context;
    private boolean connecting;

    /** Answers less the nodes counted; before they are counted, far below zero, so that no early answer completes it. */
    private record Waiting(CompletableFuture<Void> heard, AtomicInteger answers) {}

    NodeNotices(Pool pool, Vertx vertx,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") String user,
                @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        var options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        options.addProperty("application_name", LISTENER);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        this.context = vertx.getDelegate().getOrCreateContext();
        context.runOnContext(ignored -> subscriber.channel(HEARD).handler(this::answered));
    }

    /**
     * Runs {@code listener} on the event loop whenever a node tells the channel, and once the
     * channel is (again) listened to. The subscriber is not thread-safe: a channel added from
     * another thread while it connects could be left unlistened, so it is only used on its context.
     */
    public void listen(String channel, Runnable listener) {
        context.runOnContext(ignored -> {
            subscriber.channel(channel).handler(id -> {
                listener.run();
                pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(HEARD, id)).subscribe()
                        .with(ok -> {}, e -> LOG.warnf("Node notices: could not say notice %s was heard (%s)", id, e.getMessage()));
            }).subscribeHandler(listener);
            if (!connecting) {
                connecting = true;
                subscriber.connect().subscribe().with(ok -> {}, e -> LOG.warnf("Node notices: not listening yet (%s); trying again", e.getMessage()));
            }
        });
    }

    /**
     * Tells every node, this one too, and completes once every node listening has heard it (or
     * after {@link #WAIT}); call it after the change has committed.
     */
    public Uni<Void> tell(String channel) {
        String id = UUID.randomUUID().toString();
        var heard = new CompletableFuture<Void>();
        var answers = new AtomicInteger(-NOT_COUNTED);
        waiting.put(id, new Waiting(heard, answers));
        // The count and the notice in one statement: a node that starts listening later did not hear it and is not counted.
        return pool.preparedQuery("""
                        SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $3) AS nodes,
                               pg_notify($1, $2)""")
                .execute(Tuple.of(channel, id, LISTENER))
                .chain(rows -> {
                    int nodes = rows.iterator().next().getLong("nodes").intValue();
                    if (answers.addAndGet(NOT_COUNTED - nodes) >= 0) heard.complete(null);
                    return Uni.createFrom().completionStage(heard).ifNoItem().after(WAIT).recoverWithUni(() -> Uni.createFrom().voidItem());
                })
                .eventually(() -> waiting.remove(id))
                .replaceWithVoid();
    }

    /** A node has heard one of the notices: the teller goes on once all have. */
    private void answered(String id) {
        Waiting notice = waiting.get(id);
        if (notice != null && notice.answers().incrementAndGet() >= 0) notice.heard().complete(null);
    }

    @PreDestroy
    void close() {
        subscriber.closeAndForget();
    }
}
