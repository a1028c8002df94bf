package org.gridcc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two service nodes from the packaged jar on the real Kafka broker (scripts/kafka.sh) and one
 * database, nginx in front (scripts/balancer.sh): what cluster mode promises. The node being killed
 * goes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static Node a;
    private static Node b;
    private static Node nginx;
    private static Session admin;

    @BeforeAll
    static void startCluster() throws Exception {
        Node.script("scripts/kafka.sh");
        Node.script("scripts/postgis.sh", Node.DATABASE);
        // A alone first: it empties the database and loads the demo county; then B joins.
        a = Node.service("node-a", true).awaitReady(START);
        b = Node.service("node-b", false).awaitReady(START);
        nginx = Node.balancer(a, b);
        admin = Session.admin(a);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Node node : new Node[] {nginx, b, a}) {
            if (node != null) node.close();
        }
        Node.script("scripts/kafka.sh"); // a failed broker test must not leave the broker stopped
    }

    @Test
    @Order(1)
    void aCasePostedThroughNodeAReachesAClientOfNodeBInOrderEachPositionOnce() throws Exception {
        double[] here = pointInBase(10);
        try (LiveClient onB = client(b); LiveClient onA = client(a)) {
            long start = onB.awaitType("snapshot").getLong("seq");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 10; i++) codes.add(admin.postCase(a, here, "consultation"));
            for (String code : codes) onB.awaitEvent(code, "RECEIVED");

            readEveryPositionOnce(start, onB, onA);
        }
    }

    @Test
    @Order(2)
    void aClusterOfCasesSeenByBothNodesRaisesOneGroupAlert() throws Exception {
        String village = one("SELECT min(code) FROM grid WHERE level = 'village' AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published') AND code NOT IN (SELECT village_code FROM \"case\" WHERE village_code IS NOT NULL)");
        double[] here = pointIn(one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%' AND version_id = "
                + "(SELECT id FROM grid_version WHERE status = 'published')", village));
        try (LiveClient onB = client(b)) {
            onB.awaitType("snapshot");
            // Five of a category in one village within 3 h (the default rule): both nodes fold the fifth and both try to raise.
            for (int i = 0; i < 5; i++) admin.postCase(i % 2 == 0 ? a : b, here, "public_order");
            JsonObject alert = onB.await(f -> f.containsKey("events") && f.getJsonArray("events").stream()
                    .anyMatch(e -> "GROUP_ALERT".equals(((JsonObject) e).getString("type"))), "a group alert");
            assertThat(alert).isNotNull();
            Thread.sleep(1000); // a second alert, if one were raised, would be written by now
            assertThat(one("SELECT count(*) FROM group_alert WHERE village_code = ?", village)).isEqualTo("1");
            assertThat(one("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE e.type = 'GROUP_ALERT' AND c.village_code = ?",
                    village)).isEqualTo("1");
        }
    }

    @Test
    @Order(3)
    void aTokenRevokedThroughNodeAIsRefusedByNodeBOnTheNextRequest() throws Exception {
        String user = "wall-" + System.nanoTime();
        admin.expect(201, a, "POST", "/api/users", """
                {"username": "%s", "displayName": "大屏", "role": "wall"}""".formatted(user));
        JsonObject made = admin.expect(201, a, "POST", "/api/users/" + user + "/tokens", "{\"label\": \"wall\"}");
        String token = made.getString("token");
        assertThat(Session.withToken(b, "/api/session", token)).as("before: node B knows the token (and keeps it)").isEqualTo(200);

        admin.expect(204, a, "DELETE", "/api/users/" + user + "/tokens/" + made.getString("id"), null);

        assertThat(Session.withToken(b, "/api/session", token)).as("after: node B").isEqualTo(401);
    }

    @Test
    @Order(4)
    void aScopeChangedOrAUserDisabledThroughNodeAHoldsOnNodeBOnTheNextRequest() throws Exception {
        String published = "AND version_id = (SELECT id FROM grid_version WHERE status = 'published') ";
        String first = one("SELECT code FROM grid WHERE level = 'township' " + published + "ORDER BY code LIMIT 1");
        String second = one("SELECT code FROM grid WHERE level = 'township' " + published + "ORDER BY code DESC LIMIT 1");
        String user = "officer-" + System.nanoTime();
        admin.expect(201, a, "POST", "/api/users", """
                {"username": "%s", "displayName": "乡镇值班员", "role": "officer", "grid": "%s", "password": "officer-pass-2026"}""".formatted(user, first));
        String token = admin.expect(201, a, "POST", "/api/users/" + user + "/tokens", "{\"label\": \"phone\"}").getString("token");
        assertThat(Session.withToken(b, "/api/cases?grid=" + first, token)).as("before: node B keeps the officer's scope").isEqualTo(200);

        admin.expect(200, a, "PATCH", "/api/users/" + user, "{\"grid\": \"%s\"}".formatted(second));
        assertThat(Session.withToken(b, "/api/cases?grid=" + first, token)).as("the old scope on node B").isEqualTo(403);
        assertThat(Session.withToken(b, "/api/cases?grid=" + second, token)).as("the new scope on node B").isEqualTo(200);

        admin.expect(200, a, "PATCH", "/api/users/" + user, "{\"enabled\": false}");
        assertThat(Session.withToken(b, "/api/cases?grid=" + second, token)).as("disabled, on node B").isEqualTo(401);
    }

    /** Deadlines on node B are counted on a year loaded through node A, and B's answers about the year follow it. */
    @Test
    @Order(5)
    void aCalendarYearLoadedThroughNodeAHoldsOnNodeB() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        String loaded = admin.expect(200, a, "GET", "/api/calendar/" + year, null).encode();
        assertThat(admin.send(b, "GET", "/api/calendar/" + year, null).statusCode()).as("node B reads (and keeps) the year").isEqualTo(200);
        try {
            admin.expect(200, a, "PUT", "/api/calendar/" + year, "{\"days\": []}");
            awaitOnB(year, 404, true);
        } finally {
            admin.expect(200, a, "PUT", "/api/calendar/" + year, loaded);
        }
        awaitOnB(year, 200, false);
    }

    /** Waits (briefly: the notice has reached B when A answers, B reads the year again meanwhile) until node B's
     *  calendar answer and its readiness's warning (from the calendar its deadlines are counted on) match. */
    private static void awaitOnB(int year, int calendarStatus, boolean notLoaded) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            int status = admin.send(b, "GET", "/api/calendar/" + year, null).statusCode();
            String ready = admin.send(b, "GET", "/q/health/ready", null).body();
            boolean warned = ready.contains("The official calendar of " + year + " is not loaded");
            if (status == calendarStatus && warned == notLoaded) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node B answers " + status + " for " + year + " (wanted " + calendarStatus + "); its readiness: " + ready);
            }
            Thread.sleep(50);
        }
    }

    @Test
    @Order(6)
    void aVersionRolledBackThroughNodeAIsLoadedByNodeB() throws Exception {
        // A second version to go back to: a copy of the published one, retired.
        int copy = Integer.parseInt(one("""
                WITH v AS (INSERT INTO grid_version (label, status, published_at, retired_at)
                           VALUES ('cluster test copy', 'retired', now(), now()) RETURNING id),
                     g AS (INSERT INTO grid (version_id, code, level, parent_code, name, geom, head, workers)
                           SELECT v.id, code, level, parent_code, name, geom, head, workers FROM grid, v
                            WHERE version_id = (SELECT id FROM grid_version WHERE status = 'published'))
                SELECT id FROM v"""));
        try (LiveClient onB = client(b)) {
            assertThat(onB.awaitType("snapshot").getInteger("gridVersion")).isNotEqualTo(copy);

            admin.expect(200, a, "POST", "/api/boundaries/versions/" + copy + "/rollback", null);

            JsonObject notice = onB.awaitType("boundaries");
            assertThat(notice.getInteger("gridVersion")).as("node B's index and live state").isEqualTo(copy);
        }
        try (LiveClient later = client(b)) {
            assertThat(later.awaitType("snapshot").getInteger("gridVersion")).isEqualTo(copy);
        }
    }

    @Test
    @Order(7)
    void theBrokerAwayForTenSecondsLosesNothingAndReadinessSaysSoMeanwhile() throws Exception {
        double[] here = pointInBase(20);
        try (LiveClient onA = client(a); LiveClient onB = client(b)) {
            long start = onB.awaitType("snapshot").getLong("seq");
            onA.awaitType("snapshot");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) codes.add(admin.postCase(a, here, "consultation"));
            awaitPosition(onB, head());

            Node.script("scripts/kafka.sh", "stop");
            long stopped = System.nanoTime();
            a.awaitReadiness(503, Duration.ofSeconds(15));
            b.awaitReadiness(503, Duration.ofSeconds(15));
            // Intake goes on: the cases are in the database, their events wait for the broker.
            for (int i = 0; i < 3; i++) codes.add(admin.postCase(a, here, "consultation"));
            for (int i = 0; i < 3; i++) codes.add(admin.postCase(b, here, "consultation"));
            Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            assertThat(a.readiness()).as("node A after 10 s without the broker").isEqualTo(503);
            Node.script("scripts/kafka.sh");

            a.awaitReady(Duration.ofSeconds(60));
            b.awaitReady(Duration.ofSeconds(60));
            for (String code : codes) {
                onA.awaitEvent(code, "RECEIVED");
                onB.awaitEvent(code, "RECEIVED");
            }
            readEveryPositionOnce(start, onB, onA);
        }
    }

    @Test
    @Order(8)
    void killingNodeAMovesItsClientsToNodeBWhereTheyResumeLosingAndRepeatingNothing() throws Exception {
        double[] here = pointInBase(30);
        List<Watcher> walls = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 20; i++) walls.add(new Watcher(nginx, admin.cookieHeader()));
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    admin.postCase(b, here, "consultation");
                    Thread.sleep(100);
                }
                return null;
            });
            long killAt = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            boolean killed = false;
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < giveUp) {
                if (!killed && System.nanoTime() > killAt) {
                    a.kill();
                    killed = true;
                }
                for (Watcher wall : walls) wall.poll();
                if (writing.isDone()) {
                    long reached = head();
                    if (walls.stream().allMatch(w -> w.last() >= reached)) break;
                }
                Thread.sleep(50);
            }
            writing.get();
            long head = head();
            for (Watcher wall : walls) {
                assertThat(wall.seen()).as("a wall that started at " + wall.start + ", reconnected " + wall.reconnections + " times")
                        .isEqualTo(range(wall.start, head));
            }
            assertThat(walls.stream().filter(w -> w.reconnections > 0).count()).as("walls that were on node A and resumed on B")
                    .isBetween(1L, 19L);
        } finally {
            writer.shutdownNow();
            walls.forEach(Watcher::close);
        }
    }

    private static LiveClient client(Node node) throws Exception {
        return LiveClient.connect(node.port, "", "Cookie", admin.cookieHeader());
    }

    /** Each client has read every position after {@code start} up to the stream's head, in order, each once. */
    private static void readEveryPositionOnce(long start, LiveClient... clients) throws Exception {
        long head = head();
        for (LiveClient client : clients) {
            awaitPosition(client, head);
            // A client that connected later than start began further on; what it read is the same stream from there.
            assertThat(positions(client).stream().filter(s -> s > start).toList()).isEqualTo(range(start, head));
        }
    }

    /** Every event position a client read, in the order read. */
    private static List<Long> positions(LiveClient client) {
        var seqs = new ArrayList<Long>();
        for (JsonObject frame : client.frames()) {
            if (frame.containsKey("events")) frame.getJsonArray("events").forEach(e -> seqs.add(((JsonObject) e).getLong("seq")));
        }
        return seqs;
    }

    private static void awaitPosition(LiveClient client, long head) throws InterruptedException {
        client.await(f -> f.containsKey("events") && f.getLong("seq", 0L) >= head, "position " + head);
    }

    private static List<Long> range(long after, long upTo) {
        return LongStream.rangeClosed(after + 1, upTo).boxed().toList();
    }

    /** The last position published to the stream, once every event written has one. */
    private static long head() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String waiting = one("SELECT count(*) FROM case_event WHERE seq IS NULL");
            String published = one("SELECT seq FROM stream_published");
            if (waiting.equals("0") && published.equals(one("SELECT coalesce(max(seq), 0) FROM case_event"))) return Long.parseLong(published);
            Thread.sleep(50);
        }
        throw new AssertionError("events still unpublished after 30 s");
    }

    private static double[] pointInBase(int offset) throws SQLException {
        return pointIn(one("SELECT code FROM grid WHERE level = 'base' AND version_id = (SELECT id FROM grid_version WHERE status = 'published') "
                + "ORDER BY code DESC OFFSET " + offset + " LIMIT 1"));
    }

    private static double[] pointIn(String code) throws SQLException {
        String[] xy = one("SELECT ST_X(p) || ' ' || ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM grid WHERE code = ? "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published')) s", code).split(" ");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    private static String one(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("GRIDCC_PG_PORT", "55432")
                + "/" + Node.DATABASE + "?currentSchema=gridcc,public", "gridcc", "gridcc");
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
