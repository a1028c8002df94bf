package org.gridcc.people;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** The register of the grid's people: demo scale, titles, scope, masking, duty, writes and their errors, the case's grid head. */
@QuarkusTest
class PeopleIT {

    @Inject
    DemoCounty county;

    @Test
    void theDemoCountyHasItsPeopleAtTheSeedsScale() {
        assertThat(county.count("SELECT count(*) FROM person WHERE kind = 'worker' AND demo")).isEqualTo(8_921);
        assertThat(county.count("SELECT count(*) FROM person WHERE kind = 'inspector'")).isEqualTo(35);
        assertThat(county.count("SELECT count(*) FROM person WHERE kind = 'mediator'")).isEqualTo(59);
        assertThat(county.count("SELECT count(DISTINCT body) FROM person WHERE kind = 'mediator'")).isEqualTo(25);
        assertThat(county.count("SELECT count(*) FROM person WHERE kind = 'head' AND head_level = 'village'"))
                .isEqualTo(county.count("SELECT count(*) FROM grid WHERE level = 'village'"));
        // Every day of the month some leader receives petitioners.
        assertThat(county.count("SELECT count(DISTINCT d) FROM person, unnest(reception_days) d WHERE kind = 'leader'")).isEqualTo(31);
        // Each base grid's head is its grid's head (one name from the generator).
        String base = county.first(GridLevel.BASE);
        assertThat(county.one("SELECT name FROM person WHERE kind = 'head' AND grid_code = ?", base))
                .startsWith(county.one("SELECT head FROM grid WHERE code = ?", base));
    }

    @Test
    void aGridShowsItsHeadsWithTheCountysTitlesItsWorkersAndWhoIsOnDuty() {
        String base = county.first(GridLevel.BASE);
        var answer = given().get("/api/grids/{code}/people", base).then().statusCode(200)
                .body("heads.title", hasItem("网格长")) // Luoping: the village's head is 网格长
                .body("heads.title", hasItem("网格片长"))
                .body("heads.phone", everyItem(org.hamcrest.Matchers.matchesPattern("[0-9]{3}\\*{4}[0-9]{4}")))
                .body("workers.grid", everyItem(equalTo(base)))
                .extract().jsonPath();
        List<Map<String, Object>> workers = answer.getList("workers");
        List<Map<String, Object>> onDuty = answer.getList("onDutyToday");
        assertThat(answer.getLong("workerCount")).isEqualTo(workers.size()).isPositive();
        if (answer.getBoolean("workingDay")) {
            int weekday = java.time.LocalDate.parse(answer.getString("today")).getDayOfWeek().getValue();
            assertThat(onDuty).allSatisfy(w -> assertThat((List<Object>) w.get("dutyDays")).contains((Object) weekday));
            if (weekday <= 5) assertThat(onDuty).isNotEmpty();
        } else {
            assertThat(onDuty).hasSize(1);
        }
        given().get("/api/grids/{code}/people", "530324999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOnDutyRuleFollowsTheCalendar() {
        var a = new PersonView(1, "worker", "网格员", "甲", null, null, "1", null, null, null, List.of(1, 3, 5), null, null, null, null, null, false);
        var b = new PersonView(2, "worker", "网格员", "乙", null, null, "1", null, null, null, List.of(2, 4), null, null, null, null, null, false);
        var monday = java.time.LocalDate.of(2026, 5, 11);
        assertThat(DutyRoster.onDuty(List.of(a, b), monday, true)).containsExactly(a);
        assertThat(DutyRoster.onDuty(List.of(a, b), monday.plusDays(1), true)).containsExactly(b);
        // A holiday: one of the grid's workers in turn, the next the day after.
        var first = DutyRoster.onDuty(List.of(a, b), java.time.LocalDate.of(2026, 5, 1), false);
        var second = DutyRoster.onDuty(List.of(a, b), java.time.LocalDate.of(2026, 5, 2), false);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void mizhiNamesItsFiveLevelsOfHeads() {
        given().queryParam("county", "610827").get("/api/people/titles").then().statusCode(200)
                .body("township", equalTo("片长")).body("village", equalTo("社区长")).body("group", equalTo("网格长"))
                .body("base", equalTo("单元长")).body("household", equalTo("楼层长"));
    }

    @Test
    void anOfficerSeesThePeopleOfItsGridAndThoseAboveAndPhonesAreMaskedUnlessAskedFor() {
        String village = county.first(GridLevel.VILLAGE);
        var officer = TestUsers.user("officer", village, null);
        officer.given().queryParam("kind", "worker").queryParam("size", 500).get("/api/people").then().statusCode(200)
                .body("items.grid", everyItem(startsWith(village)))
                .body("items.phoneAccess", everyItem(equalTo("masked")));
        // The county's mediators hold its scope too (the pool a party picks from); another village's workers do not.
        officer.given().queryParam("kind", "mediator").queryParam("category", "land_dispute").get("/api/people").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(0))
                .body("items.specialties", everyItem(hasItem("land_dispute")));
        String other = county.one("SELECT code FROM grid WHERE level = 'village' AND code <> ? ORDER BY code LIMIT 1", village);
        int stranger = Integer.parseInt(county.one("SELECT id::text FROM person WHERE kind = 'worker' AND grid_code LIKE ? || '%' LIMIT 1", other));
        officer.given().get("/api/people/{id}", stranger).then().statusCode(404);
        int own = Integer.parseInt(county.one("SELECT id::text FROM person WHERE kind = 'worker' AND grid_code LIKE ? || '%' LIMIT 1", village));
        officer.given().queryParam("unmasked", "true").get("/api/people/{id}", own).then().statusCode(200)
                .body("phoneAccess", equalTo("unmasked")).body("phone", not(org.hamcrest.Matchers.containsString("*")));
        TestUsers.admin().given().get("/api/audit?action=person.unmasked&actor=" + officer.username()).then().statusCode(200)
                .body("entries[0].target", equalTo(String.valueOf(own)));
        officer.given().get("/api/grids/{code}/people", other).then().statusCode(403).contentType("application/problem+json");
        TestUsers.tokenUser("wall").given().get("/api/people").then().statusCode(403);
    }

    @Test
    void onlyTheAdministratorWritesAndEveryWrongFieldIsNamed() {
        String village = county.first(GridLevel.VILLAGE);
        var officer = TestUsers.user("officer", village, null);
        String mediator = """
                {"kind": "mediator", "name": "调解员甲", "phone": "13700001234", "grid": "530324",
                 "specialties": ["land_dispute"], "mediationKind": "司法", "body": "县人民法院诉调对接中心"}""";
        officer.given().contentType("application/json").body(mediator).post("/api/people").then().statusCode(403);
        int id = given().contentType("application/json").body(mediator).post("/api/people").then().statusCode(201)
                .body("phone", equalTo("137****1234")).body("mediationKind", equalTo("司法"))
                .extract().path("id");
        given().contentType("application/json").body(mediator.replace("调解员甲", "调解员乙")).put("/api/people/{id}", id).then()
                .statusCode(200).body("name", equalTo("调解员乙")).body("demo", equalTo(false));
        TestUsers.admin().given().get("/api/audit?action=POST /api/people").then().statusCode(200).body("entries", not(org.hamcrest.Matchers.empty()));

        given().contentType("application/json").body("""
                        {"kind": "mediator", "name": "丙", "grid": "530324", "specialties": ["public_order"], "receptionDays": [9]}""")
                .post("/api/people").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("specialties")).body("errors.field", hasItem("mediationKind"))
                .body("errors.field", hasItem("receptionDays"));
        given().contentType("application/json").body("""
                        {"kind": "head", "name": "丁", "grid": "%s", "level": "base"}""".formatted(village))
                .post("/api/people").then().statusCode(400).body("errors[0].field", equalTo("level"));
        given().contentType("application/json").body("""
                        {"kind": "leader", "name": "戊", "grid": "530324", "receptionDays": [9, 32]}""")
                .post("/api/people").then().statusCode(400).body("errors[0].field", equalTo("receptionDays"));
        given().contentType("application/json").body("""
                        {"kind": "boss", "name": "己", "grid": "999999"}""")
                .post("/api/people").then().statusCode(400).body("errors.field", hasItem("kind")).body("errors.field", hasItem("grid"));
        given().queryParam("kind", "boss").get("/api/people").then().statusCode(400).body("errors[0].field", equalTo("kind"));

        given().delete("/api/people/{id}", id).then().statusCode(204);
        given().delete("/api/people/{id}", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCaseInAVillageShowsTheVillagesHeadMasked() {
        String base = county.first(GridLevel.BASE);
        String village = county.one("SELECT parent_code FROM grid WHERE code = (SELECT parent_code FROM grid WHERE code = ?)", base);
        String head = county.one("SELECT name FROM person WHERE kind = 'head' AND head_level = 'village' AND grid_code = ? ORDER BY id LIMIT 1",
                village);
        String code = TestCases.post(county.pointIn(base), "neighbour_dispute", null);
        given().get("/api/cases/" + code).then().statusCode(200)
                .body("gridHead.name", equalTo(head)).body("gridHead.title", equalTo("网格长"))
                .body("gridHead.grid", equalTo(village)).body("gridHead.phoneAccess", equalTo("masked"));
    }
}
