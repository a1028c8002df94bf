package org.gridcc.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class PostgisReadinessCheckTests {

    @Test
    void aDatabaseThatDoesNotAnswerMakesTheServiceNotReadyAndSaysWhy() throws IOException {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool()
                    .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort())
                            .setDatabase("gridcc").setUser("gridcc").setPassword("x"))
                    .using(vertx)
                    .build();

            HealthCheckResponse answer = new PostgisReadinessCheck(pool).call().await().atMost(Duration.ofSeconds(10));

            assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(answer.getData().orElseThrow().get("reason")).asString().containsIgnoringCase("refused");
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
