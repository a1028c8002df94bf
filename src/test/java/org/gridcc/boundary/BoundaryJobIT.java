package org.gridcc.boundary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.gridcc.grid.DemoCounty;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An upload that is not finished at once: 202, progress on the draft and on /live, the report when done. */
@QuarkusTest
@TestProfile(BoundaryJobIT.AnswerAtOnce.class)
class BoundaryJobIT {

    /** Every upload answers before its job has finished. */
    public static class AnswerAtOnce implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("%test.gridcc.boundary.answer-within", "0s");
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

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String state;
            do {
                Thread.sleep(100);
                state = given().get("/api/boundaries/drafts/" + id).then().statusCode(200).extract().path("state");
            } while (!state.equals("ready") && System.nanoTime() < deadline);
            given().get("/api/boundaries/drafts/" + id).then().body("state", equalTo("ready")).body("report.publishable", equalTo(true));

            // Checking again is a job too: 202, the draft says checking (not its old report as if new), then ready.
            given().post("/api/boundaries/drafts/%d/check".formatted(id)).then().statusCode(202).body("state", equalTo("checking"));
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                Thread.sleep(100);
                state = given().get("/api/boundaries/drafts/" + id).then().extract().path("state");
            } while (!state.equals("ready") && System.nanoTime() < deadline);
            assertThat(state).isEqualTo("ready");
        }
    }

    @Test
    void aJobThatFailsLeavesTheReasonOnTheDraftAndNothingElse() throws Exception {
        var group = TestBoundaries.group(county, 21);
        byte[] noCodes = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"备注\": \"x\"}, \"geometry\": null}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int id = TestBoundaries.upload(noCodes, "grids.geojson", "base", group.code()).statusCode(202).extract().path("id");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state;
        do {
            Thread.sleep(100);
            state = given().get("/api/boundaries/drafts/" + id).then().extract().path("state");
        } while (!state.equals("failed") && System.nanoTime() < deadline);
        given().get("/api/boundaries/drafts/" + id).then()
                .body("state", equalTo("failed"))
                .body("failure.status", equalTo(400))
                .body("failure.errors[0].field", equalTo("codeField"));
        assertThat(county.count("SELECT count(*) FROM draft_feature WHERE version_id = ?", id)).isZero();
        assertThat(county.count("SELECT count(*) FROM grid WHERE version_id = ?", id)).isZero();
        given().delete("/api/boundaries/drafts/" + id).then().statusCode(204);
    }
}
