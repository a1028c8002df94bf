package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.TestCases.post;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/**
 * When a delta goes out: at once on a quiet line, gathered under load. The coalescing window is an
 * hour here, so an event that waited for it would never arrive within a test's patience; and one
 * frame a second is the whole budget, so each client adds a second to the window.
 */
@QuarkusTest
@TestProfile(LiveDeliveryIT.SlowTickTinyBudget.class)
class LiveDeliveryIT {

    public static class SlowTickTinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.gridcc.live.coalesce", "1h", "gridcc.live.sends-per-second", "1");
        }
    }

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URL service;

    String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset);
    }

    @Test
    void anEventOnAQuietLineGoesOutAtOnceNotAtTheNextTick() throws Exception {
        try (LiveClient client = LiveClient.connect(service.getPort(), "")) {
            client.awaitType("snapshot");
            Thread.sleep(1_500); // one client: a window of one second, over by now
            String code = post(county.pointIn(base(4300)), "consultation", null);
            client.awaitEvent(code, "RECEIVED");
        }
    }

    @Test
    void eventsWithinTheWindowGoOutTogetherInOneDelta() throws Exception {
        var clients = new ArrayList<LiveClient>();
        try {
            for (int i = 0; i < 5; i++) clients.add(LiveClient.connect(service.getPort(), "")); // a window of five seconds
            for (LiveClient client : clients) client.awaitType("snapshot");
            LiveClient watcher = clients.get(0);
            watcher.awaitEvent(post(county.pointIn(base(4310)), "consultation", null), "RECEIVED");
            String second = post(county.pointIn(base(4311)), "consultation", null);
            String third = post(county.pointIn(base(4312)), "consultation", null);
            watcher.awaitEvent(third, "RECEIVED");

            assertThat(framesCarrying(watcher, second)).isEqualTo(framesCarrying(watcher, third)).hasSize(1);
        } finally {
            for (LiveClient client : clients) client.close();
        }
    }

    /** The deltas (by their position in the client's frames) carrying a case's RECEIVED event. */
    private static List<Integer> framesCarrying(LiveClient client, String caseCode) {
        var found = new ArrayList<Integer>();
        List<JsonObject> frames = client.frames();
        for (int i = 0; i < frames.size(); i++) {
            JsonObject frame = frames.get(i);
            if ("delta".equals(frame.getString("type")) && frame.getJsonArray("events").stream().map(JsonObject.class::cast)
                    .anyMatch(e -> caseCode.equals(e.getString("caseCode")) && "RECEIVED".equals(e.getString("type")))) found.add(i);
        }
        return found;
    }
}
