package org.gridcc.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gridcc.grid.DemoCounty;
import org.gridcc.cases.DeadlineSweeper;
import org.junit.jupiter.api.Test;

/** The seeds' KPIs and periodic reports over a village whose cases this test makes. */
@QuarkusTest
class ReportsIT {

    @Inject
    DemoCounty county;

    @Inject
    DeadlineSweeper sweeper;

    private static String post(String category, double[] p, String receivedAt) {
        return given().contentType("application/json").body("""
                        {"channel": "window", "category": "%s", "title": "事项", %s "location": {"lon": %s, "lat": %s}}"""
                        .formatted(category, receivedAt == null ? "" : "\"receivedAt\": \"" + receivedAt + "\",", p[0], p[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }

    private static void act(String code, String action, String body) {
        given().contentType("application/json").body(body).post("/api/cases/" + code + "/actions/" + action).then().statusCode(200);
    }

    private static void handle(String code, String rating) {
        String unit = given().get("/api/cases/" + code).then().extract().path("unit.code");
        act(code, "dispatch", "{\"actor\": \"值班员\", \"unit\": \"%s\"}".formatted(unit));
        for (String step : new String[] {"claim", "reply", "finish"}) {
            act(code, step, "{\"actor\": \"办理人\", \"unit\": \"%s\"}".formatted(unit));
        }
        act(code, "evaluate", "{\"actor\": \"回访员\", \"rating\": \"%s\"}".formatted(rating));
    }

    @Test
    void theDailyFeedbackCountsTheVillagesCasesByTheSeedsDefinitions() {
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 600 LIMIT 1");
        String village = base.substring(0, 12);
        double[] p = county.pointIn(base);
        handle(post("neighbour_dispute", p, null), "满意");
        handle(post("land_dispute", p, null), "不满意");
        post("consultation", p, null);
        String late = post("neighbour_dispute", p, Instant.now().minus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        sweeper.sweep().await().atMost(Duration.ofSeconds(30));
        String lateUnit = given().get("/api/cases/" + late).then().extract().path("unit.code");

        given().queryParam("grid", village).get("/api/reports/daily").then()
                .statusCode(200)
                .body("title", equalTo("一天一反馈"))
                .body("kpis.received", equalTo(3))
                // The consultation's first deadline has not come yet: neither on time nor late, so not rated.
                .body("kpis.acceptanceDecided", equalTo(2))
                .body("kpis.acceptedOnTime", equalTo(2))
                .body("kpis.timelyAcceptanceRate", equalTo(1.0f))
                .body("kpis.replyDecided", equalTo(2))
                .body("kpis.onTimeReplyRate", equalTo(1.0f))
                .body("kpis.finished", equalTo(1))
                .body("kpis.completionRate", equalTo(0.333f))
                .body("kpis.evaluated", equalTo(2))
                .body("kpis.satisfactionRate", equalTo(0.5f))
                // No dispute was mediated: the rate comes from mediations' outcomes only (MediationIT).
                .body("kpis.mediated", equalTo(0))
                .body("kpis.mediationSuccessRate", equalTo(null))
                .body("kpis.overdueByUnit[0].unit", equalTo(lateUnit))
                .body("kpis.byCategory.find { it.category == 'neighbour_dispute' }.received", equalTo(1));

        // The late case's day: its first deadline passed unmet, so it is decided, and late.
        String lateDay = given().get("/api/cases/" + late).then().extract().<String>path("receivedAt").substring(0, 10);
        given().queryParam("grid", village).queryParam("date", lateDay).get("/api/reports/daily").then()
                .statusCode(200)
                .body("kpis.received", equalTo(1))
                .body("kpis.acceptanceDecided", equalTo(1))
                .body("kpis.acceptedOnTime", equalTo(0))
                .body("kpis.timelyAcceptanceRate", equalTo(0.0f));
    }

    @Test
    void aReportComesAsCsvForTheSpreadsheet() {
        String csv = given().accept("text/csv").queryParam("grid", "530324").get("/api/reports/monthly").then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(csv).startsWith("\uFEFFsection,item,value\n").contains("report,一月一专报,monthly").contains("kpi,received,").contains("kpi,acceptanceDecided,").contains("kpi,evaluated,");
    }

    @Test
    void theReportsCountTheMissedRoundsPerLevel() {
        String township = county.one("SELECT min(code) FROM grid WHERE level = 'township'");
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        int missed = given().queryParam("grid", township).queryParam("from", yesterday.substring(0, 8) + "01").queryParam("to", yesterday)
                .get("/api/rounds/missed").then().statusCode(200).extract().path("total");
        var report = given().queryParam("grid", township).queryParam("date", yesterday).get("/api/reports/monthly").then().statusCode(200)
                .body("rounds.find { it.level == 'base' }.levelName", equalTo("网格")).extract();
        java.util.List<Integer> perLevel = report.path("rounds.missed");
        assertThat(perLevel.stream().mapToInt(Integer::intValue).sum()).as("the missed rounds of the month so far").isEqualTo(missed);
        assertThat(missed).isPositive();
        String csv = given().accept("text/csv").queryParam("grid", township).queryParam("date", yesterday).get("/api/reports/monthly")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("roundsMissed,网格,").contains("roundsDone,村级,");
    }

    @Test
    void theWeekRunsFromMondayAndBadRequestsAreNamed() {
        given().queryParam("grid", "530324").queryParam("date", "2026-10-01").get("/api/reports/weekly").then()
                .statusCode(200)
                .body("from", equalTo("2026-09-28T00:00:00+08:00"))
                .body("to", equalTo("2026-10-05T00:00:00+08:00"));
        given().get("/api/reports/daily").then().statusCode(400).body("errors[0].field", equalTo("grid"));
        given().queryParam("grid", "530324").queryParam("date", "1 Oct").get("/api/reports/daily").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
        given().queryParam("grid", "530324").get("/api/reports/yearly").then().statusCode(404);
    }
}
