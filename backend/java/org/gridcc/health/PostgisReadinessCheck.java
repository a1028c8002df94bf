package org.gridcc.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and PostGIS is installed in it. */
@Readiness
@ApplicationScoped
public class PostgisReadinessCheck implements AsyncHealthCheck {

    private static final String NAME = "PostGIS";
    private final Pool pool;

    public PostgisReadinessCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT postgis_lib_version() AS postgis, current_setting('server_version') AS postgres")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return HealthCheckResponse.named(NAME).up()
                            .withData("postgis", row.getString("postgis"))
                            .withData("postgresql", row.getString("postgres"))
                            .build();
                })
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", String.valueOf(e.getMessage()))
                        .build());
    }
}
