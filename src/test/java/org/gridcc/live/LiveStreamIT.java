package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.TestCases.post;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** The stream's promise: every committed event, once, in one order, to live and to resuming clients alike. */
@QuarkusTest
class LiveStreamIT {

    @Inject
    DemoCounty county;

    @Inject
    DataSource db;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL service;

    LiveClient connect(String query) throws Exception {
        return LiveClient.connect(service.getPort(), query);
    }

    double[] pointInBase(int offset) {
        return county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET ? LIMIT 1", offset));
    }

    long seqOf(long eventId) throws InterruptedException {
        long deadline = System.nanoTime() + LiveClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String seq = county.one("SELECT coalesce(seq::text, '') FROM case_event WHERE id = ?", eventId);
            if (!seq.isEmpty()) return Long.parseLong(seq);
            Thread.sleep(20);
        }
        throw new AssertionError("event " + eventId + " was never given a stream position");
    }

    static long insertEvent(Connection c, String caseCode, String type) throws Exception {
        try (var statement = c.prepareStatement("""
                INSERT INTO case_event (case_id, type, actor) SELECT id, ?, 'test' FROM "case" WHERE code = ? RETURNING id""")) {
            statement.setString(1, type);
            statement.setString(2, caseCode);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anEventCommittedAfterALaterOneIsNotSkippedByAClientThatResumedBetween() throws Exception {
        String code = post(pointInBase(4200), "consultation", null);
        try (Connection early = db.getConnection(); Connection late = db.getConnection()) {
            early.setAutoCommit(false);
            long earlyId = insertEvent(early, code, "TEST_EARLY"); // drawn first, committed last
            long lateId = insertEvent(late, code, "TEST_LATE");
            assertThat(earlyId).isLessThan(lateId);
            long lateSeq = seqOf(lateId);

            // A client that has seen everything up to the later event (so this node has folded it), and resumes from there.
            try (LiveClient seen = connect("")) {
                seen.await(frame -> frame.getLong("seq", 0L) >= lateSeq, "position " + lateSeq);
            }
            try (LiveClient resumed = connect("since=" + lateSeq)) {
                resumed.awaitType("snapshot");
                early.commit();

                JsonObject event = resumed.awaitEvent(code, "TEST_EARLY");
                assertThat(event.getLong("seq")).isEqualTo(seqOf(earlyId)).isGreaterThan(lateSeq);
                // By id, the early event sits below a position the client had passed: it would have been lost.
            }
        }
    }

    @Test
    void anEventNumberedByANodeThatDiedBeforePublishingItIsPublishedByTheNextRound() throws Exception {
        String code = post(pointInBase(4270), "consultation", null);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            // Another node's relay round, cut short: it numbered the event and committed, then died before publishing.
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, 0x67726964_63630001L); // the relay's numbering lock: no round numbers meanwhile
                    lock.execute();
                }
                long id = insertEvent(c, code, "TEST_ORPHANED");
                try (var number = c.prepareStatement("UPDATE case_event SET seq = (SELECT max(seq) + 1 FROM case_event) WHERE id = ?")) {
                    number.setLong(1, id);
                    number.executeUpdate();
                }
                c.commit();
            }
            // Nothing else is written: only the published mark tells a round that this one is still to go out.
            client.awaitEvent(code, "TEST_ORPHANED");
        }
    }

    @Test
    void aClientResumingFromFurtherOnThanThisNodeIsToldToConnectAgain() throws Exception {
        long head;
        try (LiveClient now = connect("")) {
            head = now.awaitType("snapshot").getLong("seq");
        }
        // As a client that read on another node, ahead of this one: nothing it has may come twice.
        try (LiveClient ahead = connect("since=" + (head + 1000))) {
            long deadline = System.nanoTime() + LiveClient.PATIENCE.toNanos();
            while (!ahead.isClosed() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(ahead.isClosed()).isTrue();
            assertThat(ahead.frames()).noneMatch(f -> "snapshot".equals(f.getString("type")));
        }
    }

    @Test
    void anEventWrittenWithoutAWakeUpIsRelayedByTheSweep() throws Exception {
        String code = post(pointInBase(4210), "consultation", null);
        try (LiveClient client = connect("")) {
            client.awaitType("snapshot");
            try (Connection c = db.getConnection()) { // straight into the table: nobody tells the relay
                insertEvent(c, code, "TEST_QUIET");
            }
            client.awaitEvent(code, "TEST_QUIET");
        }
    }

    @Test
    void concurrentWritersNeverMakeAResumingClientMissOrRepeatAnEvent() throws Exception {
        double[][] points = {pointInBase(4220), pointInBase(4230), pointInBase(4240), pointInBase(4250)};
        try (LiveClient steady = connect("")) {
            long start = steady.awaitType("snapshot").getLong("seq");
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<List<String>>> posted = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                Callable<List<String>> work = () -> {
                    var codes = new ArrayList<String>();
                    for (int i = 0; i < 25; i++) codes.add(post(points[(writer + i) % 4], "consultation", null));
                    return codes;
                };
                posted.add(writers.submit(work));
            }
            // Meanwhile a client that keeps dropping the line and resuming from the last event it read.
            List<Long> seen = new ArrayList<>();
            List<String> log = new ArrayList<>();
            long last = start;
            boolean writing = true;
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < giveUp && writing || last < steady.frames().stream().mapToLong(f -> f.getLong("seq", 0L)).max().orElse(0)) {
                writing = posted.stream().anyMatch(f -> !f.isDone());
                try (LiveClient flaky = connect("since=" + last)) {
                    Thread.sleep(150);
                    for (JsonObject event : flaky.events()) seen.add(event.getLong("seq"));
                    log.add("since=" + last + " " + flaky.frames().stream().map(f -> f.getString("type") + "@" + f.getValue("seq")
                            + (f.containsKey("events") ? f.getJsonArray("events").stream().map(e -> ((JsonObject) e).getLong("seq")).toList() : "")).toList());
                }
                if (!seen.isEmpty()) last = seen.get(seen.size() - 1);
            }
            writers.shutdown();
            Set<String> codes = new HashSet<>();
            for (var future : posted) codes.addAll(future.get());
            long end = last;

            List<Long> expected = LongStream.rangeClosed(start + 1, end).boxed().toList();
            assertThat(seen).as("every position once, in order, across reconnections " + String.join("\n", log)).isEqualTo(expected);
            List<Long> steadySeen = steady.events().stream().map(e -> e.getLong("seq")).filter(s -> s <= end).toList();
            assertThat(steadySeen).as("the client that stayed").isEqualTo(expected);
            assertThat(steady.events().stream().filter(e -> "RECEIVED".equals(e.getString("type"))).map(e -> e.getString("caseCode")))
                    .containsAll(codes);
            assertThat(codes).hasSize(200);
        }
    }

    @Test
    void aClientThatStopsReadingGetsAFreshSnapshotLaterAndTheOthersAreNotHeldUp() throws Exception {
        double[] here = pointInBase(4260);
        try (LiveClient slow = LiveClient.connectReader(vertx, service.getPort(), "", 1024);
             LiveClient other = connect("")) {
            slow.await(frame -> true, "a first frame"); // registered; the fresh snapshot later is what counts
            other.awaitType("snapshot");
            slow.pause();

            // Until what the stalled client misses is well beyond the socket buffers between it and the service
            // (gridcc.live.send-buffer of the tests: about 20 KB), counted by the client that reads; the deltas are small.
            int readBefore = other.frames().size();
            List<String> codes = new ArrayList<>();
            while (codes.size() < 150 || other.bytesAfter(readBefore) < 64 * 1024 && codes.size() < 2000) {
                codes.add(post(here, "consultation", null));
            }
            // Everything reaches the client that reads, while the other one does not read at all.
            for (String code : codes) other.awaitEvent(code, "RECEIVED");
            long reached = other.events().stream().mapToLong(e -> e.getLong("seq")).max().orElseThrow();

            slow.resume();
            JsonObject fresh = slow.await(f -> "snapshot".equals(f.getString("type")) && f.getJsonArray("missed") != null,
                    "a fresh snapshot naming what was missed");
            assertThat(fresh.getLong("seq")).isGreaterThanOrEqualTo(fresh.getJsonArray("missed").getLong(1));
            assertThat(fresh.getJsonArray("missed").getLong(0)).isLessThanOrEqualTo(reached);
            String base = county.one("""
                    SELECT base_code FROM "case" WHERE code = ?""", codes.get(0));
            JsonObject caughtUp = slow.awaitGrid(base, g -> true, "a state");
            assertThat(caughtUp.getInteger("open")).isEqualTo(other.awaitGrid(base, g -> true, "a state").getInteger("open"));
        }
    }
}
