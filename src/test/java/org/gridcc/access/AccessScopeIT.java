package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers.Session;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists, counts, cases, reports, events and the live map hold to the caller's grid or unit. */
@QuarkusTest
class AccessScopeIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URI root;

    private String mine, other;
    private String mineCase, otherCase;
    private Session officer;

    @BeforeEach
    void twoTownships() {
        List<String> townships = county.list("SELECT code FROM grid WHERE level = 'township' "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published') ORDER BY code LIMIT 2");
        mine = townships.get(0);
        other = townships.get(1);
        mineCase = TestCases.post(pointUnder(mine), "land_dispute", null);
        otherCase = TestCases.post(pointUnder(other), "land_dispute", null);
        officer = TestUsers.user("officer", mine, null);
    }

    private double[] pointUnder(String township) {
        return county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published')", township + "%"));
    }

    @Test
    void anOfficerListsAndCountsOnlyTheCasesOfItsGrid() {
        List<String> grids = officer.given().get("/api/cases?size=500").then().statusCode(200).extract().path("items.grid");
        assertThat(grids).isNotEmpty().allSatisfy(grid -> assertThat(grid).startsWith(mine));
        List<String> codes = officer.given().get("/api/cases?size=500").then().extract().path("items.code");
        assertThat(codes).contains(mineCase).doesNotContain(otherCase);
        long mineTotal = county.count("SELECT count(*) FROM \"case\" WHERE township_code = ?", mine);
        officer.given().get("/api/cases").then().body("total", equalTo((int) mineTotal));
        officer.given().get("/api/cases?grid=" + other).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcc:problem:outside-scope")).body("detail", containsString(mine));
        // The county holds the officer's grid: its list is the officer's part of it.
        officer.given().get("/api/cases?grid=" + county.first(GridLevel.COUNTY)).then().statusCode(200).body("total", equalTo((int) mineTotal));
    }

    @Test
    void anOfficerCannotReadActOnOrTakeInCasesOutsideItsGrid() {
        officer.given().get("/api/cases/" + mineCase).then().statusCode(200);
        officer.given().get("/api/cases/" + otherCase).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:gridcc:problem:outside-scope"))
                .body("detail", containsString(mine));

        String before = county.one("SELECT version || status FROM \"case\" WHERE code = ?", otherCase);
        long events = county.count("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.code = ?", otherCase);
        officer.given().contentType("application/json").body(Map.of("reason", "越权督办"))
                .post("/api/cases/{code}/actions/supervise", otherCase).then().statusCode(403);
        assertThat(county.one("SELECT version || status FROM \"case\" WHERE code = ?", otherCase)).isEqualTo(before);
        assertThat(county.count("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.code = ?", otherCase))
                .isEqualTo(events);

        long cases = county.count("SELECT count(*) FROM \"case\"");
        double[] there = pointUnder(other);
        officer.given().contentType("application/json").body("""
                        {"channel": "grid_worker", "category": "neighbour_dispute", "title": "越界", "location": {"lon": %s, "lat": %s}}"""
                        .formatted(there[0], there[1]))
                .post("/api/cases").then().statusCode(403).body("detail", containsString(other));
        assertThat(county.count("SELECT count(*) FROM \"case\"")).isEqualTo(cases);

        officer.given().get("/api/reports/daily?grid=" + other).then().statusCode(403);
        officer.given().get("/api/reports/daily?grid=" + mine).then().statusCode(200);
    }

    @Test
    void theActorOfAnActionIsTheSignedInUserAndANameGivenIsWhomTheyActedFor() {
        officer.given().contentType("application/json").body(Map.of("reason", "督办", "actor", "网格员李四"))
                .post("/api/cases/{code}/actions/supervise", mineCase).then().statusCode(200)
                .body("history[-1].actor", equalTo("测试officer (" + officer.username() + ")"))
                .body("history[-1].payload.onBehalfOf", equalTo("网格员李四"));
    }

    @Test
    void aHandlerSeesTheCasesItsUnitHoldsAndNoOthers() {
        // Medium risk goes to the township office, whose code is the township's.
        Session handler = TestUsers.user("handler", null, mine);
        List<String> units = handler.given().get("/api/cases?size=500").then().statusCode(200).extract().path("items.unit");
        List<String> codes = handler.given().get("/api/cases?size=500").then().extract().path("items.code");
        assertThat(codes).contains(mineCase).doesNotContain(otherCase);
        assertThat(units).containsOnly(county.one("SELECT name FROM unit WHERE code = ?", mine));
        handler.given().get("/api/cases/" + otherCase).then().statusCode(403);
        handler.given().contentType("application/json").body(Map.of("reason", "越权"))
                .post("/api/cases/{code}/actions/supervise", otherCase).then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }

    @Test
    void anOfficersLiveMapAndEventsHoldToItsGrid() throws Exception {
        String open = "SELECT count(*) FROM \"case\" WHERE case_open(status) AND category <> 'report_official'";
        long mineOpen = county.count(open + " AND township_code = ?", mine);
        try (var live = LiveClient.connect(root.getPort(), "", "Cookie", officer.cookieHeader())) {
            var snapshot = live.awaitType("snapshot");
            assertThat(snapshot.getJsonObject("grids").fieldNames()).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith(mine));
            // The key figures too are the officer's grid's, not the county's.
            assertThat(snapshot.getJsonObject("kpi").getInteger("open")).isEqualTo((int) mineOpen);
            String another = TestCases.post(pointUnder(mine), "land_dispute", null);
            TestCases.post(pointUnder(other), "land_dispute", null);
            var delta = live.await(f -> "delta".equals(f.getString("type")) && f.getJsonArray("events").stream()
                    .anyMatch(e -> another.equals(((io.vertx.core.json.JsonObject) e).getString("caseCode"))), "the delta of its case");
            assertThat(delta.getJsonObject("kpi").getInteger("open")).isEqualTo((int) mineOpen + 1);
        }
        try (var live = LiveClient.connect(root.getPort(), "", "Authorization", "Bearer " + TestUsers.tokenUser("wall").token())) {
            assertThat(live.awaitType("snapshot").getJsonObject("kpi").getInteger("open")).isGreaterThan((int) mineOpen + 1);
        }
        try (var live = LiveClient.connect(root.getPort(), "grid=" + other, "Cookie", officer.cookieHeader())) {
            var error = live.awaitType("error");
            assertThat(error.getInteger("status")).isEqualTo(403);
            assertThat(error.getString("detail")).contains(mine);
        }
        List<String> eventGrids = officer.given().get("/api/events?after=0&limit=1000").then().statusCode(200)
                .extract().path("events.gridCode");
        assertThat(eventGrids).isNotEmpty().allSatisfy(grid -> assertThat(grid).startsWith(mine));
        List<String> all = given().get("/api/events?after=0&limit=1000").then().extract().path("events.gridCode");
        assertThat(all).anySatisfy(grid -> assertThat(grid).startsWith(other));
    }

    @Test
    void gridCountsHoldOnlyTheCasesTheCallerSees() {
        String countyCode = county.first(GridLevel.COUNTY);
        String open = "status NOT IN ('archived', 'rejected')";
        long mineOpen = county.count("SELECT count(*) FROM \"case\" WHERE township_code = ? AND " + open, mine);
        long allOpen = county.count("SELECT count(*) FROM \"case\" WHERE " + open);
        assertThat(mineOpen).isLessThan(allOpen);
        officer.given().get("/api/grids/" + countyCode).then().statusCode(200).body("counts.openCases", equalTo((int) mineOpen));
        TestUsers.tokenUser("wall").given().get("/api/grids/" + countyCode).then().body("counts.openCases", equalTo((int) allOpen));
        // A grid beside the officer's: no count at all, rather than a zero that says nothing is open there.
        officer.given().get("/api/grids/" + other).then().statusCode(200).body("counts.openCases", nullValue())
                .body("counts.households", greaterThan(0));
        officer.given().get("/api/grids/{code}/hotspot", other).then().statusCode(403);
        officer.given().get("/api/grids/{code}/hotspot", mine).then().statusCode(200);
    }

    @Test
    void aWallChangesNothing() {
        var wall = TestUsers.tokenUser("wall");
        long events = county.count("SELECT count(*) FROM case_event");
        wall.given().contentType("application/json").body(Map.of("reason", "大屏")).post("/api/cases/{c}/actions/supervise", mineCase)
                .then().statusCode(403);
        wall.given().contentType("application/json").body("{}").post("/api/cases").then().statusCode(403);
        wall.given().contentType("application/json").body("{\"year\": 2026, \"days\": []}").put("/api/calendar/2026").then().statusCode(403);
        wall.given().post("/api/boundaries/versions/1/rollback").then().statusCode(403);
        wall.given().contentType("application/json").body(Map.of("label", "x")).post("/api/users/admin/tokens").then().statusCode(403);
        wall.given().get("/api/cases/" + mineCase).then().statusCode(403);
        assertThat(county.count("SELECT count(*) FROM case_event")).isEqualTo(events);
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE actor = ? AND outcome = 'refused'", wall.username()))
                .isGreaterThanOrEqualTo(5);
    }
}
