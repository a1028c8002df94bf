package org.gridcc.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scripts/kafka.sh, which ./test and ./run --cluster call: idempotent, and plain about a taken port. */
class KafkaScriptIT {

    @Test
    void aSecondCallReusesTheRunningBroker() throws Exception {
        ScriptRun again = ScriptRun.of("kafka.sh", Map.of());

        assertThat(again.exitCode()).isZero();
        assertThat(again.output())
                .contains("Kafka ready")
                .doesNotContain("installing Apache Kafka")
                .doesNotContain("starting Kafka");
    }

    @Test
    void aPortTakenByAnotherProgramIsNamedWithTheWayOut() throws Exception {
        Path elsewhere = Files.createTempDirectory("gridcc-kafka");
        try (var squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            ScriptRun refused = ScriptRun.of("kafka.sh",
                    Map.of("GRIDCC_KAFKA_PORT", String.valueOf(port), "GRIDCC_KAFKA_DIR", elsewhere.toString()));

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output())
                    .contains("port " + port + " is taken by another program")
                    .contains("GRIDCC_KAFKA_PORT");
        } finally {
            new ProcessBuilder("rm", "-rf", elsewhere.toString()).start().waitFor();
        }
    }
}
