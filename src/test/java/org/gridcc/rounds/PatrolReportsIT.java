package org.gridcc.rounds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** Patrol inspectors' daily reports (民情巡察员): one a day, missing days flagged, counts, findings taken in as cases, the demo's 35. */
@QuarkusTest
class PatrolReportsIT {

    @Inject
    DemoCounty county;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String report(String day, String grid) {
        return """
                {"day": "%s", "studied": "《信访工作条例》第二十二条", "visited": ["%s"], "observed": "走访三户，了解土地流转",
                 "findings": [{"title": "流转租金拖欠", "category": "land_dispute"}]}""".formatted(day, grid);
    }

    /** The last two working days before today (the older first). */
    private List<LocalDate> lastWorkingDays() {
        return county.list("""
                SELECT d::date::text FROM generate_series(?::date - 9, ?::date - 1, interval '1 day') d
                 WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM calendar_day c WHERE c.day = d::date)
                 ORDER BY d DESC LIMIT 2""", today(), today()).stream().map(LocalDate::parse).sorted().toList();
    }

    @Test
    void anInspectorFilesOneReportADayAndADayWithoutOneIsMissing() {
        String township = county.one("SELECT max(code) FROM grid WHERE level = 'township'");
        String grid = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ?", township + "%");
        var inspector = TestUsers.user("worker", township, null);
        List<LocalDate> days = lastWorkingDays();
        long id = ((Number) inspector.given().contentType("application/json").body(report(days.get(0).toString(), grid))
                .post("/api/patrol-reports").then().statusCode(201)
                .body("day", equalTo(days.get(0).toString())).body("visited", equalTo(List.of(grid)))
                .body("findings[0].grid", equalTo(grid)).extract().path("id")).longValue();
        inspector.given().contentType("application/json").body(report(days.get(0).toString(), grid)).post("/api/patrol-reports").then()
                .statusCode(409).contentType(startsWith("application/problem+json"));

        String me = inspector.username();
        given().queryParam("grid", township).get("/api/patrol-reports/missing").then().statusCode(200)
                .body("missing.findAll { it.inspector == '%s' }.day".formatted(me), equalTo(List.of(days.get(1).toString())));
        inspector.given().contentType("application/json").body(report(days.get(1).toString(), grid)).post("/api/patrol-reports").then()
                .statusCode(201);
        given().queryParam("grid", township).get("/api/patrol-reports/missing").then().statusCode(200)
                .body("missing.inspector", not(hasItem(me)));

        String code = inspector.given().post("/api/patrol-reports/{id}/findings/1/case", id).then().statusCode(201).extract().path("caseCode");
        given().get("/api/cases/" + code).then().statusCode(200).body("channel", equalTo("patrol_inspector"));

        given().queryParam("grid", township).get("/api/patrol-reports/counts").then().statusCode(200)
                .body("byInspector.find { it.inspector == '%s' }.reports".formatted(me), equalTo(2))
                .body("byInspector.find { it.inspector == '%s' }.casesTakenIn".formatted(me), equalTo(1));
        inspector.given().get("/api/patrol-reports").then().statusCode(200).body("size()", equalTo(2));
        inspector.given().get("/api/patrol-reports/counts").then().statusCode(403);
    }

    @Test
    void badReportsAreRefusedNamingTheField() {
        String township = county.one("SELECT min(code) FROM grid WHERE level = 'township'");
        String elsewhere = county.one("SELECT max(code) FROM grid WHERE level = 'base'");
        var inspector = TestUsers.user("worker", township, null);
        String[][] cases = {
                {"{\"visited\": [\"%s\"], \"observed\": \"x\"}".formatted(township), "studied"},
                {"{\"studied\": \"x\", \"visited\": [], \"observed\": \"x\"}", "visited"},
                {"{\"studied\": \"x\", \"visited\": [\"%s\"], \"observed\": \"x\"}".formatted(elsewhere), "visited[0]"},
                {"{\"day\": \"%s\", \"studied\": \"x\", \"visited\": [\"%s\"], \"observed\": \"x\"}".formatted(today().plusDays(1), township), "day"},
                {"{\"studied\": \"x\", \"visited\": [\"%s\"], \"observed\": \"x\", \"findings\": [{\"title\": \"t\", \"category\": \"c\"}]}"
                        .formatted(township), "findings[0].category"}};
        for (String[] c : cases) {
            inspector.given().contentType("application/json").body(c[0]).post("/api/patrol-reports").then()
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(c[1]));
        }
        given().contentType("application/json").body(report(today().toString(), township)).post("/api/patrol-reports").then().statusCode(403);
    }

    @Test
    void theDemoHasLanshansThirtyFiveInspectorsReportingOnMostDays() {
        var counts = given().queryParam("grid", county.one("SELECT min(code) FROM grid WHERE level = 'county'"))
                .queryParam("from", today().minusDays(30).toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/patrol-reports/counts").then().statusCode(200).extract();
        List<String> inspectors = counts.path("byInspector.inspector");
        assertThat(inspectors.stream().filter(name -> name.startsWith("demo-inspector-"))).hasSize(35);
        int reports = counts.path("reports");
        // Lanshan: 10,838 reports by 35 inspectors in a year, about 0.85 a day each.
        assertThat(reports / (35.0 * 30)).isBetween(0.7, 0.95);
        assertThat(county.count("SELECT count(*) FROM patrol_report WHERE demo")).isEqualTo(
                county.count("SELECT count(*) FROM patrol_report p JOIN app_user u ON u.id = p.inspector_id WHERE u.username LIKE 'demo-inspector-%'"));
    }

    @Test
    void eachDemoInspectorsLoginIsThatOfOneInspectorOfThePeopleRegisterAndTheirReportsAreCountedForThatPerson() {
        // The register owns the inspector: each demo login belongs to exactly one inspector person, of the same name and beat.
        assertThat(county.list("""
                SELECT u.username FROM app_user u WHERE u.username LIKE 'demo-inspector-%'
                   AND (SELECT count(*) FROM person p WHERE p.username = u.username AND p.kind = 'inspector' AND p.name = u.display_name
                           AND p.grid_code = u.grid_code) = 1""")).hasSize(35);
        assertThat(county.count("SELECT count(*) FROM person WHERE kind = 'inspector' AND demo AND username IS NULL"))
                .as("demo inspectors without a login").isZero();

        // The people register says who has a login.
        var people = given().queryParam("kind", "inspector").queryParam("size", "500").get("/api/people").then().statusCode(200)
                .extract().jsonPath();
        List<String> logins = people.getList("items.findAll { it.demo }.login");
        assertThat(logins).hasSize(35).doesNotHaveDuplicates().allMatch(login -> login.startsWith("demo-inspector-"));

        // Reports are counted per person: the login's person, by the person's name.
        var counts = given().queryParam("grid", county.one("SELECT min(code) FROM grid WHERE level = 'county'"))
                .queryParam("from", today().minusDays(30).toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/patrol-reports/counts").then().statusCode(200).extract().jsonPath();
        for (String login : logins) {
            int person = people.getInt("items.find { it.login == '%s' }.id".formatted(login));
            assertThat(counts.getInt("byInspector.find { it.inspector == '%s' }.person".formatted(login))).as(login).isEqualTo(person);
            assertThat(counts.getString("byInspector.find { it.inspector == '%s' }.inspectorName".formatted(login)))
                    .isEqualTo(people.getString("items.find { it.login == '%s' }.name".formatted(login)));
        }
        String first = logins.get(0);
        given().queryParam("grid", county.one("SELECT grid_code FROM app_user WHERE username = ?", first))
                .queryParam("from", today().minusDays(30).toString()).queryParam("limit", "500").get("/api/patrol-reports").then().statusCode(200)
                .body("find { it.inspector == '%s' }.person".formatted(first), equalTo(people.getInt("items.find { it.login == '%s' }.id".formatted(first))));
    }
}
