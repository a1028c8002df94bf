package org.gridcc.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** scripts/postgis.sh, which ./run and ./test call first: idempotent, and plain about a taken port. */
class PostgisScriptIT {

    private static final Path SCRIPT = Path.of("scripts/postgis.sh").toAbsolutePath();
    private static final String TEST_DB = System.getenv().getOrDefault("GRIDCC_TEST_DB_NAME", "gridcc_test");

    record Outcome(int exitCode, String output) {}

    @Test
    void aSecondCallReusesTheRunningCluster() throws Exception {
        Outcome again = run(Map.of(), TEST_DB);

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

            Outcome refused = run(Map.of("GRIDCC_PG_PORT", String.valueOf(port), "GRIDCC_PG_DIR", elsewhere.toString()), TEST_DB);

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output())
                    .contains("port " + port + " is taken by another program")
                    .contains("GRIDCC_PG_PORT");
        } finally {
            new ProcessBuilder("rm", "-rf", elsewhere.toString()).start().waitFor();
        }
    }

    private static Outcome run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(SCRIPT.toString());
        command.addAll(java.util.List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().putAll(env);
        Process p = process.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("postgis.sh finished").isTrue();
        return new Outcome(p.exitValue(), output);
    }
}
