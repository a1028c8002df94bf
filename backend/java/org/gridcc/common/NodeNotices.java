package org.gridcc.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every service node that something they keep in memory has changed (what tokens stand for,
 * the published grid version), and hears what any node tells: PostgreSQL NOTIFY, and LISTEN on
 * one connection of this node's own (the Vert.x client's PgSubscriber, which reconnects). With
 * one node it tells only itself. A notice sent while the listening connection was down is lost,
 * so a listener also runs whenever its channel is subscribed again, as if told.
 */
@ApplicationScoped
public class NodeNotices {

    private static final Logger LOG = Logger.getLogger(NodeNotices.class);

    private final Pool pool;
    private final PgSubscriber subscriber;
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
        subscriber.channel(channel).handler(payload -> listener.run()).subscribeHandler(listener);
        if (!connecting) {
            connecting = true;
            subscriber.connect().subscribe().with(ok -> {}, e -> LOG.warnf("Node notices: not listening yet (%s); trying again", e.getMessage()));
        }
    }

    /** Tells every node, this one too; call it after the change has committed. */
    public Uni<Void> tell(String channel) {
        return pool.preparedQuery("SELECT pg_notify($1, '')").execute(Tuple.of(channel)).replaceWithVoid();
    }

    @PreDestroy
    void close() {
        subscriber.closeAndForget();
    }
}
