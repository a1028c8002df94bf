package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gridcc.common.MovableClock;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and the official calendar: a deadline counted over a year whose calendar is not loaded
 * is provisional; readiness warns from 1 November when next year's is missing; loading the year
 * recomputes the deadlines of open cases over it, in the same transaction, each change in the
 * case's history. Far-off years (2029, 2030), so that no other test's deadlines move.
 */
@QuarkusTest
class CalendarDeadlinesIT {

    @Inject
    MovableClock clock;

    @Inject
    DemoCounty county;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String chinaTime) {
        clock.reset();
        clock.moveAhead(Duration.between(Instant.now(), OffsetDateTime.parse(chinaTime).toInstant()));
    }

    @Test
    void loadingNextYearsCalendarRecomputesTheProvisionalDeadlinesOfOpenCases() {
        given().contentType("application/json").body("{\"year\": 2029, \"days\": [{\"date\": \"2029-10-01\", \"kind\": \"off\"}]}")
                .put("/api/calendar/2029").then().statusCode(200);
        at("2029-11-02T09:00:00+08:00");
        assertThat(readinessWarning()).contains("2030");

        at("2029-12-10T10:00:00+08:00");
        double[] p = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 2400 LIMIT 1"));
        String code = given().contentType("application/json").body("""
                        {"channel": "window", "category": "petition", "ruleSet": "xinfang", "title": "历法测试",
                         "location": {"lon": %s, "lat": %s}}""".formatted(p[0], p[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
        JsonPath accepted = given().contentType("application/json").body("{}").post("/api/cases/" + code + "/actions/accept")
                .then().statusCode(200).extract().jsonPath();
        // 60 days from Mon 10 Dec 2029: Fri 8 Feb 2030, counted on the ordinary week for want of 2030's calendar.
        assertThat(deadline(accepted, "HANDLING")).containsEntry("due", "2030-02-09T00:00:00+08:00").containsEntry("provisional", true);
        assertThat(deadline(accepted, "ACCEPTANCE_DECISION")).containsEntry("provisional", false);
        int version = accepted.getInt("version");

        given().contentType("application/json").body("""
                        {"year": 2030, "days": [{"date": "2030-02-04", "kind": "off", "note": "春节"},
                                                {"date": "2030-02-05", "kind": "off"}, {"date": "2030-02-06", "kind": "off"},
                                                {"date": "2030-02-07", "kind": "off"}, {"date": "2030-02-08", "kind": "off"},
                                                {"date": "2030-02-09", "kind": "off"}, {"date": "2030-02-10", "kind": "off"}]}""")
                .put("/api/calendar/2030").then().statusCode(200);

        JsonPath after = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        // The last day falls in the Spring Festival: it moves to the next working day, Mon 11 Feb.
        assertThat(deadline(after, "HANDLING")).containsEntry("due", "2030-02-12T00:00:00+08:00").containsEntry("provisional", false);
        Map<String, Object> recomputed = after.getMap("history.find { it.type == 'DEADLINES_RECOMPUTED' }");
        assertThat(recomputed).isNotNull();
        assertThat(after.getList("history.find { it.type == 'DEADLINES_RECOMPUTED' }.payload.changes.kind", String.class)).contains("HANDLING");
        assertThat(after.getString("history.find { it.type == 'DEADLINES_RECOMPUTED' }.payload.changes.find { it.kind == 'HANDLING' }.dueBefore"))
                .isNotNull();
        assertThat(after.getInt("version")).as("a recomputation is no action on the case").isEqualTo(version);
        assertThat(readinessWarning()).isNull();
    }

    @Test
    void aCalendarThatFailsChangesNeitherTheCalendarNorAnyDeadline() {
        String before = given().get("/api/calendar/2026").then().statusCode(200).extract().asString();
        given().contentType("application/json").body("{\"year\": 2026, \"days\": [{\"date\": \"2026-03-03\", \"kind\": \"work\"}]}")
                .put("/api/calendar/2026").then().statusCode(400).body("errors[0].field", containsString("days[0]"));
        assertThat(given().get("/api/calendar/2026").then().extract().asString()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadline(JsonPath view, String kind) {
        List<Map<String, Object>> deadlines = view.getList("deadlines");
        return deadlines.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    private static String readinessWarning() {
        return given().get("/q/health/ready").then().statusCode(200).extract()
                .path("checks.find { it.name == 'Official calendar' }.data.warning");
    }
}
