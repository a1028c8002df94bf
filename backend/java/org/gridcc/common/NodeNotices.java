package org.gridcc.common;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every service node that something they keep in memory has changed (what tokens stand for,
 * the published grid version), and hears what any node tells: PostgreSQL NOTIFY, and LISTEN on
 * one connection of this node's own (the Vert.x client's PgSubscriber, which reconnects). With
 * one node it tells only itself. A notice sent while the listening connection was down is lost,
 * so a listener also runs whenever its channel is subscribed again, as if told.
 *
 * <p>A node that tells waits until its own notice has come back to it: PostgreSQL sends a notice
 * to every listener at the same commit, so by then the other nodes have it too, and the request
 * that made the change is answered only after every node has heard of it.
 */
@ApplicationScoped
public class NodeNotices {

    private static final Logger LOG = Logger.getLogger(NodeNotices.class);

    /** How long a teller waits for its notice to come back (the listening connection may be down). */
    private static final Duration ECHO = Duration.ofSeconds(2);

    private final Pool pool;
    private final PgSubscriber subscriber;
    /** Notices this node sent and has not heard back yet, by their payload. */
    private final Map<String, CompletableFuture<Void>> echoes = new ConcurrentHashMap<>();
    private boolean connecting;

    NodeNotices(Pool pool, Vertx vertx,
                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") String user,
                @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(url).setUser(user).setPassword(password))
                .reconnectPolicy(retries -> 1000L);
    }

    /** Runs {@code listener} on the event loop whenever a node tells the channel, and once the channel is (again) listened to. */
    public synchronized void listen(String channel, Runnable listener) {
        subscriber.channel(channel).handler(payload -> {
            listener.run();
            CompletableFuture<Void> echo = echoes.remove(payload);
            if (echo != null) echo.complete(null);
        }).subscribeHandler(listener);
        if (!connecting) {
            connecting = true;
            subscriber.connect().subscribe().with(ok -> {}, e -> LOG.warnf("Node notices: not listening yet (%s); trying again", e.getMessage()));
        }
    }

    /** Tells every node, this one too, and completes once the notice has come back; call it after the change has committed. */
    public Uni<Void> tell(String channel) {
        String id = UUID.randomUUID().toString();
        var echo = new CompletableFuture<Void>();
        echoes.put(id, echo);
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(channel, id))
                .chain(() -> Uni.createFrom().completionStage(echo).ifNoItem().after(ECHO).recoverWithUni(() -> Uni.createFrom().voidItem()))
                .eventually(() -> echoes.remove(id))
                .replaceWithVoid();
    }

    @PreDestroy
    void close() {
        subscriber.closeAndForget();
    }
}
