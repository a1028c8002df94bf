package org.gridcc.health;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Which of Quarkus' metrics are not kept. The HTTP server's byte sizes: Vert.x records a sample in
 * them for every write to a socket, so every /live frame to every wall paid for one, a tenth of
 * the frame's write (JFR, 1,000 walls). Requests keep their counts and timings
 * ({@code http_server_requests_seconds}); the traffic's volume is the host's to count.
 */
public class MetricsKept {

    private static final Set<String> NOT_KEPT = Set.of("http.server.bytes.written", "http.server.bytes.read");

    @Produces
    @Singleton
    MeterFilter withoutByteSizes() {
        return MeterFilter.deny(id -> NOT_KEPT.contains(id.getName()));
    }
}
