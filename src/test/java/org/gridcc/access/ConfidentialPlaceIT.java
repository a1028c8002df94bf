package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.Test;

/**
 * A confidential case (检举控告) is counted at its county only, wherever counts reach a screen:
 * a village's number rising when an official is reported could point at who reported.
 */
@QuarkusTest
class ConfidentialPlaceIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aConfidentialCaseRaisesItsCountyAndNoGridBelowIt() throws Exception {
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 700 LIMIT 1");
        String countyCode = county.first(GridLevel.COUNTY);
        String village = base.substring(0, GridLevel.VILLAGE.codeLength());
        String township = base.substring(0, GridLevel.TOWNSHIP.codeLength());
        double[] here = county.pointIn(base);
        var wall = TestUsers.tokenUser("wall");

        int villageOpen = wall.given().get("/api/grids/" + village).then().extract().path("counts.openCases");
        int countyOpen = wall.given().get("/api/grids/" + countyCode).then().extract().path("counts.openCases");
        int villageReceived = received(village);
        int countyReceived = received(countyCode);

        String confidential;
        try (var live = LiveClient.connect(root.getPort(), "", "Authorization", "Bearer " + wall.token())) {
            live.awaitType("snapshot");
            confidential = TestCases.post(here, "report_official", null);
            JsonObject event = live.awaitEvent(confidential, "RECEIVED");
            assertThat(event.getString("gridCode")).isEqualTo(countyCode);
            JsonObject delta = live.await(f -> "delta".equals(f.getString("type")) && f.getJsonArray("events").stream()
                    .anyMatch(e -> confidential.equals(((JsonObject) e).getString("caseCode"))), "the delta of the case");
            assertThat(delta.getJsonObject("grids").fieldNames()).contains(countyCode)
                    .doesNotContain(township, village, base);

            // The same case in a public category is shown where it is.
            String plain = TestCases.post(here, "neighbour_dispute", null);
            assertThat(live.awaitEvent(plain, "RECEIVED").getString("gridCode")).startsWith(village);
        }

        wall.given().get("/api/grids/" + village).then().body("counts.openCases", equalTo(villageOpen + 1));
        wall.given().get("/api/grids/" + countyCode).then().body("counts.openCases", equalTo(countyOpen + 2));
        assertThat(received(village)).isEqualTo(villageReceived + 1);
        assertThat(received(countyCode)).isEqualTo(countyReceived + 2);
        List<String> categories = TestUsers.admin().given().queryParam("grid", village).get("/api/reports/daily").then()
                .statusCode(200).extract().path("kpis.byCategory.category");
        assertThat(categories).doesNotContain("report_official");

        // A fresh snapshot, as a wall reconnecting gets it, says the same.
        try (var live = LiveClient.connect(root.getPort(), "grid=" + township, "Authorization", "Bearer " + wall.token())) {
            JsonObject grids = live.awaitType("snapshot").getJsonObject("grids");
            int shown = grids.containsKey(village) ? grids.getJsonObject(village).getInteger("open", 0) : 0;
            assertThat(shown).isEqualTo(villageOpen + 1);
        }
        // The case itself keeps its grid for those who may open it.
        TestUsers.admin().given().get("/api/cases/" + confidential).then().statusCode(200).body("grids.code", hasItem(base));
        List<Map<String, Object>> events = wall.given().get("/api/events?after=0&limit=1000").then().extract().path("events");
        assertThat(events).filteredOn(e -> confidential.equals(e.get("caseCode"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("gridCode")).isEqualTo(countyCode));
    }

    private static int received(String grid) {
        return TestUsers.admin().given().queryParam("grid", grid).get("/api/reports/daily").then().statusCode(200)
                .extract().path("kpis.received");
    }
}
