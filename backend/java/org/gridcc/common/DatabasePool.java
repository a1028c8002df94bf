package org.gridcc.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reactive pool as Quarkus makes it, with how long a query may wait for a connection
 * ({@code gridcc.db.acquisition-timeout}; Quarkus has no setting for it, Vert.x waits 30 s): past
 * it, the request is answered 503 ({@link DatabaseOutage}) rather than left hanging.
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    private final Duration acquisitionTimeout;

    public DatabasePool(@ConfigProperty(name = "gridcc.db.acquisition-timeout", defaultValue = "30s") Duration acquisitionTimeout) {
        this.acquisitionTimeout = acquisitionTimeout;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts the pool to PgPool
    public Pool create(Input input) {
        var options = input.poolOptions()
                .setConnectionTimeout((int) acquisitionTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
