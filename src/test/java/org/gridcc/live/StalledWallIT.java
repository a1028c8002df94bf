package org.gridcc.live;

import static org.gridcc.cases.TestCases.post;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/**
 * A wall that stopped reading holds no other wall's next delta, however few walls there are. The
 * coalescing window is an hour here: a delta that waited for the stalled wall's frames would wait
 * for it, beyond a test's patience.
 */
@QuarkusTest
@TestProfile(StalledWallIT.HourLongWindow.class)
class StalledWallIT {

    public static class HourLongWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.gridcc.live.coalesce", "1h");
        }
    }

    @Inject
    DemoCounty county;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL service;

    @Test
    void theOtherWallGetsEveryCaseWhileOneHasStoppedReading() throws Exception {
        double[] here = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 4500 LIMIT 1"));
        try (LiveClient stalled = LiveClient.connectReader(vertx, service.getPort(), "", 1024);
             LiveClient reading = LiveClient.connect(service.getPort(), "")) {
            stalled.await(frame -> true, "a first frame");
            reading.awaitType("snapshot");
            stalled.pause();
            // A case at a time, each awaited, until what the stalled wall missed is well beyond what its socket's buffers
            // and its client's own queue of frames hold (about 20 KB and 16 frames): from then on its frames wait unwritten.
            int readBefore = reading.frames().size();
            while (reading.bytesAfter(readBefore) < 64 * 1024) reading.awaitEvent(post(here, "consultation", null), "RECEIVED");
        }
    }
}
