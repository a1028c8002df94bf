package org.gridcc.live;

import static io.restassured.RestAssured.given;
import static org.gridcc.cases.TestCases.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.vertx.core.json.JsonObject;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/**
 * Early warnings of group events and hotspot scores, with the alert rule on (the other tests
 * keep it off: an alert adds an event to some case's history).
 */
@QuarkusTest
@TestProfile(GroupAlertIT.AlertsOn.class)
public class GroupAlertIT {

    public static class AlertsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // With the %test prefix: it would otherwise lose to the %test value in application.properties.
            return Map.of("%test.gridcc.live.group-alert.cases", "5", "gridcc.live.group-alert.window", "3h");
        }
    }

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URL service;

    @Test
    void fiveCasesOfOneKindFromOneVillageWithinHoursRaiseOneAlert() throws Exception {
        String village = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 40 LIMIT 1");
        String base = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", village);
        double[] here = county.pointIn(base);
        try (LiveClient client = LiveClient.connect(service.getPort(), "grid=" + village)) {
            client.awaitType("snapshot");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 4; i++) codes.add(post(here, "land_dispute", null));
            post(here, "wage_arrears", null); // another kind does not count
            for (String code : codes) client.awaitEvent(code, "RECEIVED");
            assertThat(client.events()).noneMatch(e -> "GROUP_ALERT".equals(e.getString("type")));

            String fifth = post(here, "land_dispute", null);
            client.awaitEvent(fifth, "GROUP_ALERT");
            String sixth = post(here, "land_dispute", null);
            client.awaitEvent(sixth, "RECEIVED");
            Thread.sleep(500); // time for a second alert, were there one

            assertThat(client.events().stream().filter(e -> "GROUP_ALERT".equals(e.getString("type")))).hasSize(1);
            assertThat(county.count("SELECT count(*) FROM group_alert WHERE village_code = ? AND category = 'land_dispute'", village))
                    .isEqualTo(1);
            given().get("/api/cases/" + fifth).then()
                    .body("history.type", org.hamcrest.Matchers.hasItem("GROUP_ALERT"))
                    .body("history.find { it.type == 'GROUP_ALERT' }.payload.cases", equalTo(5));

            // Six land disputes in a day where none came before: the village and its grids are hot, and it is explained.
            given().get("/api/grids/" + base + "/hotspot").then()
                    .statusCode(200)
                    .body("level", equalTo(3))
                    .body("windowHours", equalTo(24.0f))
                    .body("baselineDays", equalTo(28.0f))
                    .body("categories[0].category", equalTo("land_dispute"))
                    .body("categories[0].score.observed", equalTo(6))
                    .body("categories[0].score.expected", equalTo(0.2f))
                    .body("categories[0].score.pValue", org.hamcrest.Matchers.lessThan(1e-4f));
            client.awaitGrid(village, g -> g.getInteger("hot", 0) == 3, "hotspot level 3");
            // The key figure counts hot grids by level, so that a wall names the count of the level its map shows.
            client.await(f -> f.getJsonObject("kpi") != null && f.getJsonObject("kpi").getJsonObject("hotGrids") != null
                    && f.getJsonObject("kpi").getJsonObject("hotGrids").getInteger("village", 0) == 1
                    && f.getJsonObject("kpi").getJsonObject("hotGrids").getInteger("base", 0) >= 1, "hot grids counted by level");
            given().get("/api/grids/" + village + "/hotspot").then().body("level", greaterThanOrEqualTo(1));
        }
        given().get("/api/grids/999999/hotspot").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAlertStaysOnEveryWallUntilAnOfficerOfItsAreaAcknowledgesItOnce() throws Exception {
        String village = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 50 LIMIT 1");
        String elsewhere = county.one("SELECT code FROM grid WHERE level = 'township' AND code <> ? ORDER BY code LIMIT 1",
                village.substring(0, 9));
        String base = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", village);
        double[] here = county.pointIn(base);
        var wall = TestUsers.tokenUser("wall");
        try (LiveClient before = LiveClient.connect(service.getPort(), "", "Authorization", "Bearer " + wall.token())) {
            before.awaitType("snapshot");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 5; i++) codes.add(post(here, "environment", null));
            before.awaitEvent(codes.get(4), "GROUP_ALERT");
            // On the wall as an open alert (a delta), named, with the cases of the cluster.
            JsonObject raised = before.await(f -> alertOf(f, village) != null, "the open alert in a delta");
            JsonObject alert = alertOf(raised, village);
            // Each change is sent once: the delta raising another village's alert does not carry this one again.
            String other = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 55 LIMIT 1");
            double[] there = county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", other));
            String otherFifth = null;
            for (int i = 0; i < 5; i++) otherFifth = post(there, "environment", null);
            before.awaitEvent(otherFifth, "GROUP_ALERT");
            JsonObject otherRaised = before.await(f -> alertOf(f, other) != null, "the other village's alert in a delta");
            assertThat(alertOf(otherRaised, village)).as("the first alert, sent again").isNull();
            long otherId = alertOf(otherRaised, other).getLong("id");
            long id = alert.getLong("id");
            assertThat(alert.getString("villageName")).isNotBlank();
            assertThat(alert.getString("townshipName")).isNotBlank();
            assertThat(alert.getInteger("cases")).isEqualTo(5);
            assertThat(alert.getJsonArray("caseCodes").getList()).containsExactlyElementsOf(codes);
            // A wall that connects now gets it in its snapshot.
            try (LiveClient late = LiveClient.connect(service.getPort(), "", "Authorization", "Bearer " + wall.token())) {
                assertThat(alertOf(late.awaitType("snapshot"), village)).isNotNull();
            }
            given().get("/api/group-alerts").then().statusCode(200)
                    .body("find { it.id == " + id + " }.caseCodes", equalTo(codes));

            // Only an officer of its area (or the county) may acknowledge it; a wall or handler may not.
            wall.given().post("/api/group-alerts/" + id + "/acknowledge").then().statusCode(403);
            var outsider = TestUsers.user("officer", elsewhere, null);
            outsider.given().post("/api/group-alerts/" + id + "/acknowledge").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString(village));
            outsider.given().get("/api/group-alerts").then().statusCode(200).body("id", not(hasItem((int) id)));
            // An officer of another township is told nothing of it, not even that it was acknowledged.
            LiveClient outsiderLive = LiveClient.connect(service.getPort(), "", "Cookie",
                    org.gridcc.access.TokenMechanism.SESSION_COOKIE + "=" + outsider.cookie());
            outsiderLive.awaitType("snapshot");
            var officer = TestUsers.user("officer", village.substring(0, 9), null);
            officer.given().post("/api/group-alerts/x/acknowledge").then().statusCode(404).contentType("application/problem+json");
            officer.given().post("/api/group-alerts/" + id + "/acknowledge").then().statusCode(200)
                    .body("acknowledgedBy", containsString(officer.username()));
            // Once: a second acknowledgement says by whom.
            given().post("/api/group-alerts/" + id + "/acknowledge").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(officer.username()));

            // Off every wall: live (its id among those gone), and in the snapshot of a wall that reconnects.
            before.await(f -> "delta".equals(f.getString("type")) && f.getJsonArray("alertsGone") != null
                    && f.getJsonArray("alertsGone").stream().anyMatch(gone -> ((Number) gone).longValue() == id), "the alert gone in a delta");
            String afterwards = post(county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'",
                    elsewhere)), "consultation", null);
            outsiderLive.awaitEvent(afterwards, "RECEIVED"); // deltas are in order: one about the alert would have come first
            assertThat(outsiderLive.frames()).noneMatch(f -> f.containsKey("alertsGone") || f.containsKey("alertsRaised"));
            outsiderLive.close();
            try (LiveClient again = LiveClient.connect(service.getPort(), "", "Authorization", "Bearer " + wall.token())) {
                JsonObject snapshot = again.awaitType("snapshot");
                assertThat(snapshot.getJsonArray("alerts")).isNotNull();
                assertThat(alertOf(snapshot, village)).isNull();
            }
            given().get("/api/group-alerts").then().statusCode(200).body("id", not(hasItem((int) id)));
            given().post("/api/group-alerts/" + otherId + "/acknowledge").then().statusCode(200);
            given().get("/api/cases/" + codes.get(4)).then().body("history.type", hasItem("GROUP_ALERT_ACKNOWLEDGED"));
            assertThat(county.count("SELECT count(*) FROM audit_entry WHERE action = 'group-alert.acknowledged' AND target = ?"
                    + " AND outcome = 'ok'", String.valueOf(id))).isEqualTo(1);
            assertThat(county.count("SELECT count(*) FROM audit_entry WHERE action = 'group-alert.acknowledged' AND target = ?"
                    + " AND outcome = 'refused'", String.valueOf(id))).isGreaterThanOrEqualTo(2);
        }
    }

    /** The open alert of a village in a snapshot's alerts or a delta's alerts raised, or null. */
    private static JsonObject alertOf(JsonObject frame, String village) {
        var alerts = frame.getJsonArray("snapshot".equals(frame.getString("type")) ? "alerts" : "alertsRaised");
        if (alerts == null) return null;
        for (int i = 0; i < alerts.size(); i++) {
            if (village.equals(alerts.getJsonObject(i).getString("village"))) return alerts.getJsonObject(i);
        }
        return null;
    }

    @Test
    void confidentialReportsRaiseNoAlertAndHeatNoGridBelowTheCounty() throws Exception {
        String village = county.one("SELECT code FROM grid WHERE level = 'village' ORDER BY code DESC OFFSET 60 LIMIT 1");
        String base = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? || '%'", village);
        double[] here = county.pointIn(base);
        try (LiveClient client = LiveClient.connect(service.getPort(), "")) {
            client.awaitType("snapshot");
            String last = null;
            for (int i = 0; i < 6; i++) last = post(here, "report_official", null);
            client.awaitEvent(last, "RECEIVED");
            Thread.sleep(500); // time for an alert, were there one
            assertThat(client.events()).noneMatch(e -> "GROUP_ALERT".equals(e.getString("type")));
        }
        assertThat(county.count("SELECT count(*) FROM group_alert WHERE village_code = ?", village)).isZero();
        for (String grid : List.of(village, base)) {
            given().get("/api/grids/" + grid + "/hotspot").then().statusCode(200)
                    .body("categories.category", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("report_official")));
        }
    }
}
