package org.gridcc.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scripts/postgis.sh, which ./run and ./test call first: idempotent, and plain about a taken port. */
class PostgisScriptIT {

    private static final String TEST_DB = System.getenv().getOrDefault("GRIDCC_TEST_DB_NAME", "gridcc_test");

    @Test
    void aSecondCallReusesTheRunningCluster() throws Exception {
        ScriptRun again = ScriptRun.of("postgis.sh", Map.of(), TEST_DB);

        assertThat(again.exitCode()).isZero();
        assertThat(again.output())
                .contains("PostGIS ready")
                .doesNotContain("creating a private cluster")
                .doesNotContain("starting PostgreSQL");
    }

    @Test
    void aPortTakenByAnotherProgramIsNamedWithTheWayOut() throws Exception {
        Path elsewhere = Files.createTempDirectory("gridcc-pg");
        try (var squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            ScriptRun refused = ScriptRun.of("postgis.sh",
                    Map.of("GRIDCC_PG_PORT", String.valueOf(port), "GRIDCC_PG_DIR", elsewhere.toString()), TEST_DB);

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output())
                    .contains("port " + port + " is taken by another program")
                    .contains("GRIDCC_PG_PORT");
        } finally {
            new ProcessBuilder("rm", "-rf", elsewhere.toString()).start().waitFor();
        }
    }
}
