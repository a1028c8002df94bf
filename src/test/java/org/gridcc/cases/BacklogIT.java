package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** 积案 (open beyond gridcc.backlog.days, 60 in the tests) and a campaign's progress by unit. */
@QuarkusTest
class BacklogIT {

    @Inject
    DemoCounty county;

    @Test
    void aCampaignCountsTheBacklogAtItsStartAndWhatWasClearedSince() {
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 900 LIMIT 1");
        double[] p = county.pointIn(base);
        String old = TestCases.post(p, "consultation", OffsetDateTime.now().minusDays(70));
        String cleared = TestCases.post(p, "consultation", OffsetDateTime.now().minusDays(75));
        String recent = TestCases.post(p, "consultation", OffsetDateTime.now().minusDays(10));
        String unit = given().get("/api/cases/" + old).then().extract().path("unit.code");

        given().queryParam("backlog", "true").queryParam("grid", base).get("/api/cases").then().statusCode(200)
                .body("items.code", hasItem(old)).body("items.code", not(hasItem(recent)));
        given().queryParam("backlog", "false").queryParam("grid", base).get("/api/cases").then().statusCode(200)
                .body("items.code", hasItem(recent)).body("items.code", not(hasItem(old)));
        given().queryParam("backlog", "maybe").get("/api/cases").then().statusCode(400).body("errors[0].field", equalTo("backlog"));

        LocalDate today = LocalDate.now(org.gridcc.common.ServiceClock.CHINA);
        int id = given().contentType("application/json").body("""
                        {"name": "积案化解百日攻坚", "start": "%s", "end": "%s"}""".formatted(today, today.plusDays(100)))
                .post("/api/backlog/campaigns").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"reason\": \"已化解，不予受理\"}")
                .post("/api/cases/" + cleared + "/actions/reject").then().statusCode(200);

        var handler = TestUsers.user("handler", null, unit);
        handler.given().get("/api/backlog").then().statusCode(200)
                .body("days", equalTo(60))
                .body("campaigns.find { it.id == %d }.units.find { it.unit == '%s' }.atStart".formatted(id, unit), equalTo(2))
                .body("campaigns.find { it.id == %d }.units.find { it.unit == '%s' }.cleared".formatted(id, unit), equalTo(1))
                .body("campaigns.find { it.id == %d }.units.find { it.unit == '%s' }.remaining".formatted(id, unit), equalTo(1));

        handler.given().contentType("application/json").body("{\"name\": \"x\", \"start\": \"2026-01-01\", \"end\": \"2026-02-01\"}")
                .post("/api/backlog/campaigns").then().statusCode(403);
        given().contentType("application/json").body("{\"name\": \"倒着\", \"start\": \"2026-04-20\", \"end\": \"2026-04-19\"}")
                .post("/api/backlog/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("end"));
        given().contentType("application/json").body("{\"start\": \"2026-04-20\", \"end\": \"2026-07-30\"}")
                .post("/api/backlog/campaigns").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }
}
