package org.gridcc.boundary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.gridcc.boundary.read.DefaultLimits;
import org.gridcc.boundary.read.Fixtures;
import org.gridcc.boundary.read.LargeBoundaries;
import org.gridcc.grid.DemoCounty;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload that is not finished at once: 202, progress on the draft and on /live, the report when done. */
@QuarkusTest
@TestProfile(BoundaryJobIT.AnswerAtOnce.class)
class BoundaryJobIT {

    /** Every upload answers before its job has finished; uploads as large as the service takes by default. */
    public static class AnswerAtOnce implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("%test.gridcc.boundary.answer-within", "0s",
                    "%test.gridcc.boundary.max-upload", String.valueOf(DefaultLimits.maxUpload()));
        }
    }

    @Inject
    DemoCounty county;

    @AfterEach
    void forgetDrafts() {
        TestBoundaries.forgetOtherVersions(county);
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void aLongUploadIsAJobWhoseProgressIsOnTheDraftAndOnLive() throws Exception {
        var group = TestBoundaries.group(county, 20);
        try (LiveClient live = LiveClient.connect(service.getPort(), "")) {
            live.awaitType("snapshot");
            var accepted = new TestBoundaries(county).childrenOf(group.code()).upload(group.code())
                    .statusCode(202)
                    .body("state", oneOf("reading", "checking", "ready"))
                    .extract();
            int id = accepted.path("id");
            assertThat(accepted.header("Location")).endsWith("/api/boundaries/drafts/" + id);

            JsonObject done = live.await(f -> "draft".equals(f.getString("type")) && f.getInteger("draft") == id
                    && "changes".equals(f.getString("step")), "the draft's last step");
            assertThat(done.getString("state")).isEqualTo("checking");
            List<String> steps = live.frames().stream().filter(f -> "draft".equals(f.getString("type")) && f.getInteger("draft") == id)
                    .map(f -> f.getString("step")).distinct().toList();
            assertThat(steps).containsSubsequence("reading", "features", "coverage", "changes");

            awaitState(id, "ready");
            given().get("/api/boundaries/drafts/" + id).then().body("state", equalTo("ready")).body("report.publishable", equalTo(true));

            // Checking again is a job too: 202, the draft says checking (not its old report as if new), then ready.
            given().post("/api/boundaries/drafts/%d/check".formatted(id)).then().statusCode(202).body("state", equalTo("checking"));
            assertThat(awaitState(id, "ready")).isEqualTo("ready");
        }
    }

    @Test
    void aJobThatFailsLeavesTheReasonOnTheDraftAndNothingElse() throws Exception {
        var group = TestBoundaries.group(county, 21);
        byte[] noCodes = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"备注\": \"x\"}, \"geometry\": null}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int id = TestBoundaries.upload(noCodes, "grids.geojson", "base", group.code()).statusCode(202).extract().path("id");

        awaitState(id, "failed");
        given().get("/api/boundaries/drafts/" + id).then()
                .body("state", equalTo("failed"))
                .body("failure.status", equalTo(400))
                .body("failure.errors[0].field", equalTo("codeField"));
        assertThat(county.count("SELECT count(*) FROM draft_feature WHERE version_id = ?", id)).isZero();
        assertThat(county.count("SELECT count(*) FROM grid WHERE version_id = ?", id)).isZero();
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);
    }

    /**
     * A GeoJSON as large as the service takes by default is read while other requests are
     * answered: the draft is seen reading, then it fails for the file's own fault (it names no
     * grid codes), which is found only once every feature was read. (That it fits in the
     * service's heap is UploadsAtTheSizeLimitTests'.)
     */
    @Test
    void aFileAtTheUploadLimitIsReadWhileTheServiceAnswers(@TempDir Path dir) throws Exception {
        var group = TestBoundaries.group(county, 22);
        LargeBoundaries.Made made = LargeBoundaries.geoJson(dir.resolve("grids.geojson"), DefaultLimits.maxUpload(), 20_000, false);
        // Sent from the file as octets: RestAssured would keep a pretty copy of 64 MB of JSON for its log.
        int id = given().multiPart("file", made.file().toFile(), "application/octet-stream").multiPart("level", "base").multiPart("scope", group.code())
                .post("/api/boundaries/drafts").then().statusCode(202).extract().path("id");

        boolean seenReading = false;
        String state;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        do {
            var draft = given().get("/api/boundaries/drafts/" + id).then().statusCode(200).extract().jsonPath();
            state = draft.getString("state");
            seenReading |= state.equals("reading") && "reading".equals(draft.getString("progress.step"));
            Thread.sleep(20);
        } while (!state.equals("failed") && !state.equals("ready") && System.nanoTime() < deadline);

        assertThat(seenReading).as("a request answered while the draft was reading").isTrue();
        given().get("/api/boundaries/drafts/" + id).then()
                .body("state", equalTo("failed"))
                .body("failure.status", equalTo(400))
                .body("failure.errors[0].field", equalTo("codeField"));
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);
    }

    /** A draft can be deleted while its job reads (it was a 409): nothing of the draft stays, the job stops without failing, the next job runs. */
    @Test
    void aDraftWhoseJobRunsIsDeletedAndTheJobStops(@TempDir Path dir) throws Exception {
        var group = TestBoundaries.group(county, 24);
        LargeBoundaries.Made made = LargeBoundaries.geoJson(dir.resolve("grids.geojson"), DefaultLimits.maxUpload() / 2, 20_000, true);
        int id = given().multiPart("file", made.file().toFile(), "application/octet-stream").multiPart("level", "base").multiPart("scope", group.code())
                .post("/api/boundaries/drafts").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!"reading".equals(given().get("/api/boundaries/drafts/" + id).then().extract().path("progress.step")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);

        given().get("/api/boundaries/drafts/" + id).then().statusCode(404);
        assertThat(county.count("SELECT count(*) FROM grid_version WHERE id = ?", id)).isZero();
        assertThat(county.count("SELECT count(*) FROM draft_feature WHERE version_id = ?", id)).isZero();
        // The job found its draft gone and stopped (whether while reading or after: the file may be read by then).
        long deadline2 = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String stopped;
        do {
            Thread.sleep(100);
            stopped = Files.readAllLines(Path.of("target/quarkus-test.log")).stream()
                    .filter(line -> line.contains("Draft " + id + " was deleted: its job stopped while reading")).findFirst().orElse(null);
        } while (stopped == null && System.nanoTime() < deadline2);
        assertThat(stopped).as("the job's stop logged").isNotNull();
        // The job has let the job thread go: the next upload is read and checked.
        int next = new TestBoundaries(county).childrenOf(group.code()).upload(group.code()).statusCode(202).extract().path("id");
        assertThat(awaitState(next, "ready")).isEqualTo("ready");
    }

    /**
     * A job that fails in a way nobody foresaw ends too: a GeoPackage whose geometry is a
     * collection nested 200,000 deep runs JTS's WKB reader out of stack (a StackOverflowError,
     * not an exception). The draft ends failed with a reason a person can read, the failure is
     * logged once with its stack under the error id the reason quotes, and the draft can be deleted.
     */
    @Test
    void aJobThatFailsForAnyReasonEndsWithItsDraftFailedAndTheReasonLogged(@TempDir Path dir) throws Exception {
        var group = TestBoundaries.group(county, 23);
        Path source = Files.write(dir.resolve("grids.geojson"), new TestBoundaries(county).grid(group.a()).geoJson());
        Path gpkg = dir.resolve("deep.gpkg");
        // Without a spatial index: its triggers call GDAL's SQL functions, which plain SQLite does not have.
        Fixtures.ogr2ogr("-f", "GPKG", "-nln", "grids", "-lco", "SPATIAL_INDEX=NO", gpkg.toString(), source.toString());
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             PreparedStatement deep = sqlite.prepareStatement("UPDATE grids SET geom = ?")) {
            deep.setBytes(1, nestedCollections(200_000));
            assertThat(deep.executeUpdate()).isEqualTo(1);
        }

        int id = TestBoundaries.upload(Files.readAllBytes(gpkg), "deep.gpkg", "base", group.code()).statusCode(202).extract().path("id");
        awaitState(id, "failed");

        var failure = given().get("/api/boundaries/drafts/" + id).then()
                .body("state", equalTo("failed"))
                .body("failure.status", equalTo(500))
                .body("failure.detail", containsString("ran out of stack while reading deep.gpkg"))
                .extract().jsonPath();
        String errorId = failure.getString("failure.errorId");
        assertThat(failure.getString("failure.detail")).contains("Quote error id " + errorId);
        List<String> log = Files.readAllLines(Path.of("target/quarkus-test.log"));
        List<String> logged = log.stream().filter(line -> line.contains(errorId)).toList();
        assertThat(logged).singleElement().satisfies(line -> assertThat(line).contains("ERROR").contains("Draft " + id + " failed while reading")
                .contains("java.lang.StackOverflowError"));
        // The stack follows (its top frame is wherever the stack ran out: in JTS's reader or in the JDK code it calls).
        int at = log.indexOf(logged.get(0));
        assertThat(log.subList(at + 1, Math.min(log.size(), at + 10))).as("the stack follows").allMatch(line -> line.startsWith("\tat "))
                .anyMatch(line -> line.startsWith("\tat org.locationtech.jts.io."));
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);
    }

    /** Asks for the draft until it is in the state wanted, or a minute has passed; the state it was last in. */
    private static String awaitState(int id, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String state;
        do {
            Thread.sleep(100);
            state = given().get("/api/boundaries/drafts/" + id).then().statusCode(200).extract().path("state");
        } while (!state.equals(wanted) && System.nanoTime() < deadline);
        return state;
    }

    /** A GeoPackage geometry blob (no envelope) of collections each holding the next, a point innermost. */
    private static byte[] nestedCollections(int depth) {
        ByteBuffer blob = ByteBuffer.allocate(8 + 9 * depth + 21).order(ByteOrder.LITTLE_ENDIAN);
        blob.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(4326); // version 0, little-endian, no envelope
        for (int i = 0; i < depth; i++) blob.put((byte) 1).putInt(7).putInt(1);         // GeometryCollection of 1
        blob.put((byte) 1).putInt(1).putDouble(104.3).putDouble(24.9);                  // Point
        return blob.array();
    }
}
