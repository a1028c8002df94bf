package org.gridcc.live;

import static io.restassured.RestAssured.given;
import static org.gridcc.cases.TestCases.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridVersionChanged;
import org.gridcc.cases.DeadlineSweeper;
import org.junit.jupiter.api.Test;

/** WS /live with a real WebSocket client: snapshot, deltas at every level, overdue, subscriptions, boundaries. */
@QuarkusTest
class LiveIT {

    @Inject
    DemoCounty county;

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    Event<GridVersionChanged> versionChanged;

    @TestHTTPResource("/")
    URL service;


    /** A base grid nobody else's test posts in. */
    String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset);
    }

    LiveClient connect(String query) throws Exception {
        return LiveClient.connect(service.getPort(), query);
    }

    @Test
    void aClientFirstGetsASnapshotOfTheGridsThatHaveCases() throws Exception {
        String base = base(4100);
        try (LiveClient earlier = connect("")) { // to know when the live state has the case
            earlier.awaitType("snapshot");
            earlier.awaitEvent(post(county.pointIn(base), "neighbour_dispute", null), "RECEIVED");
        }

        try (LiveClient client = connect("")) {
            JsonObject snapshot = client.awaitType("snapshot");
            assertThat(client.frames().get(0).getString("type")).isEqualTo("snapshot");
            assertThat(snapshot.getLong("seq")).isPositive();
            assertThat(snapshot.getInteger("gridVersion")).isEqualTo(county.publishedVersion());
            assertThat(snapshot.getJsonObject("grids").getJsonObject(base).getInteger("open")).isGreaterThanOrEqualTo(1);
            assertThat(snapshot.getJsonObject("grids").getJsonObject(base.substring(0, 6)).getInteger("open")).isGreaterThanOrEqualTo(1);
            assertThat(snapshot.getJsonObject("kpi").getInteger("open")).isGreaterThanOrEqualTo(1);
        }
    }

    /** Binary, so that the service encodes a delta once for every wall (docs/map.md); a text message would be encoded per socket. */
    @Test
    void everyFrameIsABinaryMessageOfUtf8Json() throws Exception {
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            client.awaitFrameWith(post(county.pointIn(base(4110)), "neighbour_dispute", null), "RECEIVED");
            assertThat(client.textMessages()).as("text messages").isZero();
        }
    }

    @Test
    void aPostedCaseShowsInADeltaForItsGridAtEveryLevelWithoutPersonalData() throws Exception {
        String base = base(4110);
        try (LiveClient client = connect("")) {
            JsonObject snapshot = client.awaitType("snapshot");
            int before = snapshot.getJsonObject("grids").getJsonObject(base, new JsonObject()).getInteger("open", 0);

            String code = post(county.pointIn(base), "neighbour_dispute", null);

            JsonObject event = client.awaitEvent(code, "RECEIVED");
            assertThat(event.fieldNames()).containsExactlyInAnyOrder("seq", "caseCode", "type", "gridCode", "at", "category");
            assertThat(event.getString("gridCode")).isEqualTo(base);
            for (String grid : List.of(base.substring(0, 6), base.substring(0, 9), base.substring(0, 12), base.substring(0, 15), base)) {
                client.awaitGrid(grid, g -> g.getInteger("open", 0) >= 1, "the new case");
            }
            client.awaitGrid(base, g -> g.getInteger("open", 0) == before + 1, "one more open case");
            JsonObject delta = client.await(f -> "delta".equals(f.getString("type")), "a delta");
            assertThat(delta.getJsonObject("kpi").getInteger("receivedToday")).isPositive();
            // Names and phones of the people stay out of every frame.
            assertThat(client.frames().toString()).doesNotContain("王五").doesNotContain("13900001111").doesNotContain("漏水");
        }
    }

    /** A grid's state is what a map colours it by, sent when that changes: not with every event of its cases. */
    @Test
    void anEventThatLeavesAGridsColoursAsTheyWereSendsNoGridState() throws Exception {
        String base = base(4150);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            String code = post(county.pointIn(base), "neighbour_dispute", null);
            client.awaitEvent(code, "RECEIVED");
            JsonObject received = client.awaitGrid(base, g -> g.getInteger("open", 0) >= 1, "the new case");
            assertThat(received.fieldNames()).isSubsetOf("open", "warned", "overdue", "hot");

            given().contentType("application/json").body("{\"actor\": \"值班员李明\"}")
                    .post("/api/cases/" + code + "/actions/accept").then().statusCode(200);

            JsonObject accepted = client.awaitFrameWith(code, "ACCEPTED");
            for (String grid : List.of(base.substring(0, 9), base.substring(0, 12), base)) {
                assertThat(accepted.getJsonObject("grids").fieldNames()).doesNotContain(grid);
            }
        }
    }

    /** The rates change once a minute, the counts with every case: a delta names only the figures that changed. */
    @Test
    void aDeltaCarriesOnlyTheKeyFiguresThatChangedAndTheyAddUpToASnapshot() throws Exception {
        String base = base(4160);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            String code = post(county.pointIn(base), "neighbour_dispute", null);
            client.awaitEvent(code, "RECEIVED");
            assertThat(client.frames()).anySatisfy(frame -> assertThat(frame.getJsonObject("kpi", new JsonObject()).fieldNames())
                    .as("the new case counted in a delta's figures").contains("receivedToday"));

            try (LiveClient fresh = connect("")) {
                JsonObject now = fresh.awaitType("snapshot").getJsonObject("kpi");
                // The deltas sent before that snapshot may still be on their way to the first client.
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                JsonObject figures = addedUp(client.frames());
                while (!figures.getValue("receivedToday").equals(now.getValue("receivedToday")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    figures = addedUp(client.frames());
                }
                for (String count : List.of("receivedToday", "open", "warned", "overdue", "supervised", "hotGrids")) {
                    assertThat(figures.getValue(count)).as(count).isEqualTo(now.getValue(count));
                }
            }
        }
    }

    /** The key figures of a snapshot with its deltas' changes applied, checking that no delta repeats a figure unchanged. */
    private static JsonObject addedUp(List<JsonObject> frames) {
        JsonObject figures = frames.get(0).getJsonObject("kpi").copy();
        for (JsonObject frame : frames.subList(1, frames.size())) {
            if (!"delta".equals(frame.getString("type")) || !frame.containsKey("kpi")) continue;
            JsonObject changed = frame.getJsonObject("kpi");
            for (String name : changed.fieldNames()) {
                assertThat(changed.getValue(name)).as("%s, sent again unchanged", name).isNotEqualTo(figures.getValue(name));
            }
            figures.mergeIn(changed);
        }
        return figures;
    }

    @Test
    void anOverdueCaseTurnsItsGridOverdue() throws Exception {
        String base = base(4120);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            // Received eight days ago: Luoping's one week to finish has passed.
            String code = post(county.pointIn(base), "neighbour_dispute", OffsetDateTime.now().minusDays(8));
            client.awaitEvent(code, "RECEIVED");

            sweeper.sweep().await().atMost(Duration.ofSeconds(10));

            client.awaitEvent(code, "OVERDUE");
            client.awaitGrid(base, g -> g.getInteger("overdue", 0) >= 1, "an overdue case");
            client.awaitGrid(base.substring(0, 9), g -> g.getInteger("overdue", 0) >= 1, "an overdue case in the township");
        }
    }

    @Test
    void aSubscriptionToOneLevelOfASubtreeGetsOnlyThoseGrids() throws Exception {
        String base = base(4130);
        String township = base.substring(0, 9);
        try (LiveClient client = connect("level=village&grid=" + township)) {
            JsonObject snapshot = client.awaitType("snapshot");
            String code = post(county.pointIn(base), "neighbour_dispute", null);
            client.awaitEvent(code, "RECEIVED");
            client.awaitGrid(base.substring(0, 12), g -> g.getInteger("open", 0) >= 1, "the new case");

            for (JsonObject frame : client.frames()) {
                if (frame.containsKey("grids")) {
                    assertThat(frame.getJsonObject("grids").fieldNames()).allSatisfy(grid -> {
                        assertThat(grid).hasSize(12).startsWith(township);
                    });
                }
                if (frame.containsKey("events")) {
                    assertThat(frame.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("gridCode")))
                            .allSatisfy(grid -> assertThat(grid).startsWith(township));
                }
            }
            assertThat(snapshot.getJsonObject("grids").fieldNames()).allSatisfy(grid -> assertThat(grid).hasSize(12));
        }
    }

    /** The wall's subscription: the two levels it draws, not every group and base grid that changed. */
    @Test
    void aSubscriptionToTwoLevelsGetsThoseLevelsOnly() throws Exception {
        String base = base(4140);
        try (LiveClient client = connect("level=township,village")) {
            client.awaitType("snapshot");
            String code = post(county.pointIn(base), "neighbour_dispute", null);
            client.awaitEvent(code, "RECEIVED");
            client.awaitGrid(base.substring(0, 12), g -> g.getInteger("open", 0) >= 1, "the new case's village");
            client.awaitGrid(base.substring(0, 9), g -> g.getInteger("open", 0) >= 1, "the new case's township");

            var lengths = new java.util.TreeSet<Integer>();
            for (JsonObject frame : client.frames()) {
                if (frame.containsKey("grids")) frame.getJsonObject("grids").fieldNames().forEach(grid -> lengths.add(grid.length()));
            }
            assertThat(lengths).containsExactly(9, 12);
        }
    }

    @Test
    void aClientResumingAfterMoreEventsThanMemoryKeepsGetsThemAllOnceFromTheDatabase() throws Exception {
        long since;
        try (LiveClient before = connect("")) {
            since = before.awaitType("snapshot").getLong("seq");
        }
        List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) missed.add(post(county.pointIn(base(4160)), "consultation", null)); // tests keep 50 in memory

        try (LiveClient resumed = connect("since=" + since)) {
            for (String code : missed) resumed.awaitEvent(code, "RECEIVED");
            JsonObject replay = resumed.awaitType("replay");
            assertThat(replay.getJsonArray("events").getJsonObject(0).getLong("seq")).isEqualTo(since + 1);
            List<Long> positions = resumed.events().stream().map(e -> e.getLong("seq")).toList();
            assertThat(positions).doesNotHaveDuplicates().isSorted().first().isEqualTo(since + 1);
            assertThat(positions.get(positions.size() - 1) - since).isEqualTo(positions.size());
        }
    }

    @Test
    void heartbeatsKeepAQuietLineAlive() throws Exception {
        try (LiveClient client = connect("level=county")) {
            long at = client.awaitType("snapshot").getLong("seq");
            JsonObject heartbeat = client.awaitType("heartbeat");
            assertThat(heartbeat.getLong("seq")).isGreaterThanOrEqualTo(at);
            assertThat(heartbeat.getString("at")).endsWith("+08:00");
        }
    }

    @Test
    void aBadSubscriptionIsToldWhatToSendAndClosed() throws Exception {
        try (LiveClient client = connect("level=planet")) {
            JsonObject error = client.awaitType("error");
            assertThat(error.getInteger("status")).isEqualTo(400);
            assertThat(error.getString("detail")).contains("level must be one or more of").contains("planet");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!client.isClosed() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(client.isClosed()).isTrue();
        }
    }

    @Test
    void newBoundariesMakeClientsReloadTilesAndGetAStateReadAfreshThatEqualsTheFoldedOne() throws Exception {
        post(county.pointIn(base(4150)), "neighbour_dispute", null);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            versionChanged.fireAsync(new GridVersionChanged(county.publishedVersion()));

            JsonObject notice = client.awaitType("boundaries");
            assertThat(notice.getInteger("gridVersion")).isEqualTo(county.publishedVersion());
            client.await(f -> "snapshot".equals(f.getString("type"))
                    && client.frames().stream().filter(g -> "snapshot".equals(g.getString("type"))).count() == 2, "a second snapshot");
            List<JsonObject> frames = client.frames();
            assertThat(frames.stream().map(f -> f.getString("type")).filter(t -> !t.equals("delta")).toList())
                    .startsWith("snapshot").containsSubsequence("boundaries", "snapshot");

            // The state folded event by event (first snapshot plus deltas) equals the state read anew from the database.
            var folded = new java.util.HashMap<String, Object>();
            int second = -1;
            for (int i = 0; i < frames.size(); i++) {
                JsonObject frame = frames.get(i);
                if (i > 0 && "snapshot".equals(frame.getString("type"))) {
                    second = i;
                    break;
                }
                frame.getJsonObject("grids", new JsonObject()).forEach(e -> folded.put(e.getKey(), e.getValue()));
            }
            folded.values().removeIf(state -> ((JsonObject) state).isEmpty());
            assertThat(frames.get(second).getJsonObject("grids")).isEqualTo(new JsonObject(folded));
        }
    }

    @Test
    void eventsAfterAPositionCanBeReadOverHttpPageByPage() throws Exception {
        long start;
        List<String> posted;
        try (LiveClient client = connect("")) {
            start = client.awaitType("snapshot").getLong("seq");
            posted = List.of(post(county.pointIn(base(4140)), "consultation", null),
                    post(county.pointIn(base(4140)), "consultation", null), post(county.pointIn(base(4140)), "consultation", null));
            for (String code : posted) client.awaitEvent(code, "RECEIVED"); // numbered by the relay just after the 201
        }

        var codes = new java.util.ArrayList<String>();
        var positions = new java.util.ArrayList<Long>();
        long after = start;
        for (int page = 0; page < 100; page++) {
            var body = given().get("/api/events?after=" + after + "&limit=2").then().statusCode(200).extract().jsonPath();
            List<Integer> seqs = body.getList("events.seq");
            if (seqs.isEmpty()) break;
            assertThat(seqs).hasSizeLessThanOrEqualTo(2);
            seqs.forEach(s -> positions.add(s.longValue()));
            codes.addAll(body.getList("events.caseCode"));
            after = body.getLong("next");
        }
        assertThat(codes).containsAll(posted);
        assertThat(positions).isEqualTo(java.util.stream.LongStream.rangeClosed(start + 1, after).boxed().toList());
        given().get("/api/events?after=-1").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        given().get("/api/events?limit=abc").then().statusCode(400);
    }
}
