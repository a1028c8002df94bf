package org.gridcc.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reactive pool as Quarkus makes it, with two settings Quarkus has none for:
 * <ul>
 * <li>how long a query may wait for a connection ({@code gridcc.db.acquisition-timeout}; Vert.x
 * waits 30 s): past it, the request is answered 503 ({@link DatabaseOutage}) rather than left
 * hanging;</li>
 * <li>how long a statement may be and still be prepared once per connection: Vert.x's 2,048
 * characters left our two busiest statements, a tile ({@code grid-tile.sql}) and intake
 * ({@code case-intake.sql}), parsed again at every call.</li>
 * </ul>
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    /** Longer than any statement of ours ({@code sql/*.sql} included); a test holds them to it. */
    public static final int PREPARED_SQL_LIMIT = 16_384;

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
        var connections = input.pgConnectOptionsList();
        connections.forEach(connection -> connection.setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT));
        return PgPool.pool(input.vertx(), connections, options);
    }
}
