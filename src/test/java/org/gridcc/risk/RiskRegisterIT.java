package org.gridcc.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** The register of risks to stability (信访不稳定因素信息库): entries with 包案's four fixes, reviews, counts for the wall, reports. */
@QuarkusTest
class RiskRegisterIT {

    @Inject
    DemoCounty county;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static String entry(String grid, int riskClass, LocalDate deadline) {
        return """
                {"subject": "征地补偿分配争议", "grid": "%s", "riskClass": %d,
                 "fixes": {"leader": "副县长王某", "unit": "县自然资源局", "person": "李某", "deadline": "%s"}}"""
                .formatted(grid, riskClass, deadline);
    }

    private String quietVillage() {
        // A village holding no demo entry: its counts are this test's.
        return county.one("""
                SELECT min(g.code) FROM grid g WHERE g.level = 'village'
                   AND NOT EXISTS (SELECT 1 FROM risk_entry r WHERE r.grid_code LIKE g.code || '%') AND g.code > '530324005'""");
    }

    @Test
    void anEntryHoldsTheFourFixesAndItsReviewsAndTheWallCountsItsClassOneGrids() {
        String village = quietVillage();
        String grid = county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ?", village + "%");
        var officer = TestUsers.user("officer", village, null);
        long id = ((Number) officer.given().contentType("application/json").body(entry(grid, 1, today().plusDays(30)))
                .post("/api/risk-register").then().statusCode(201)
                .body("className", equalTo("一类")).body("fixes.person", equalTo("李某")).body("status", equalTo("open"))
                .body("collectedOn", equalTo(today().toString())).extract().path("id")).longValue();
        officer.given().contentType("application/json").body(entry(grid, 2, today().plusDays(30))).post("/api/risk-register").then().statusCode(201);

        var wall = TestUsers.tokenUser("wall");
        wall.given().queryParam("grid", village).get("/api/risk-register/counts").then().statusCode(200)
                .body("gridsWithClassOne", equalTo(1)).body("classOne", equalTo(1)).body("classTwo", equalTo(1));
        wall.given().get("/api/risk-register/{id}", id).then().statusCode(403);

        officer.given().contentType("application/json").body("{\"status\": \"resolved\", \"note\": \"补偿款已按户兑付\"}")
                .post("/api/risk-register/{id}/reviews", id).then().statusCode(200)
                .body("status", equalTo("resolved")).body("reviews[0].note", equalTo("补偿款已按户兑付"));
        wall.given().queryParam("grid", village).get("/api/risk-register/counts").then().body("gridsWithClassOne", equalTo(0));

        given().queryParam("grid", village).get("/api/risk-register/reports/daily").then().statusCode(200)
                .body("title", equalTo("日收集")).body("collected.classOne", equalTo(1)).body("collected.classTwo", equalTo(1))
                .body("resolved", equalTo(1)).body("openAtEnd.classOne", equalTo(0)).body("openAtEnd.classTwo", equalTo(1));
        given().queryParam("grid", village).get("/api/risk-register/reports/weekly").then().statusCode(200).body("title", equalTo("周分析"));
        String csv = given().accept("text/csv").queryParam("grid", village).get("/api/risk-register/reports/monthly").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains("report,月通报,monthly").contains("collected,二类,1");
    }

    @Test
    void badEntriesAreRefusedNamingTheFieldAndThePastDateAsCasesRefuseIt() {
        String grid = county.one("SELECT min(code) FROM grid WHERE level = 'base'");
        String[][] cases = {
                {entry(grid, 1, today().minusDays(1)), "fixes.deadline"},
                {entry(grid, 4, today().plusDays(3)), "riskClass"},
                {entry("999999", 1, today().plusDays(3)), "grid"},
                {entry(grid, 1, today().plusDays(3)).replace("\"person\": \"李某\", ", ""), "fixes.person"},
                {"{\"grid\": \"%s\", \"riskClass\": 1}".formatted(grid), "subject"}};
        for (String[] c : cases) {
            given().contentType("application/json").body(c[0]).post("/api/risk-register").then()
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(c[1]));
        }
        given().queryParam("class", "4").get("/api/risk-register").then().statusCode(400).body("errors[0].field", equalTo("class"));
        given().get("/api/risk-register/reports/yearly").then().statusCode(404).contentType(startsWith("application/problem+json"));
        long id = county.count("SELECT min(id) FROM risk_entry");
        given().contentType("application/json").body("{\"status\": \"gone\", \"note\": \"x\"}").post("/api/risk-register/{id}/reviews", id)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theDeskGetsTheClassOneGridsOfTheCallersScopeWithTheirCountsByClass() {
        String openClassOne = "SELECT DISTINCT grid_code FROM risk_entry WHERE class = 1 AND status <> 'resolved' AND grid_code LIKE ? || '%' ORDER BY 1";
        List<String> demo = county.list("SELECT DISTINCT grid_code FROM risk_entry WHERE demo AND class = 1 AND status <> 'resolved' ORDER BY 1");
        assertThat(demo).as("the demo register's class-一 grids").isNotEmpty();
        var all = given().get("/api/risk-register/class-one-grids").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("grid", String.class)).isEqualTo(county.list(openClassOne, "")).containsAll(demo);
        String first = demo.get(0);
        assertThat(all.getLong("find { it.grid == '%s' }.classTwo".formatted(first)))
                .isEqualTo(county.count("SELECT count(*) FROM risk_entry WHERE class = 2 AND status <> 'resolved' AND grid_code = ?", first));
        assertThat(all.getString("find { it.grid == '%s' }.name".formatted(first))).isNotBlank();

        // A township's officer gets its own grids' only, and is refused another township's.
        String township = first.substring(0, 9);
        var officer = TestUsers.user("officer", township, null);
        List<String> own = officer.given().get("/api/risk-register/class-one-grids").then().statusCode(200).extract().path("grid");
        assertThat(own).isEqualTo(county.list(openClassOne, township)).allMatch(code -> code.startsWith(township));
        String other = county.one("SELECT min(code) FROM grid WHERE level = 'township' AND code <> ?", township);
        officer.given().queryParam("grid", other).get("/api/risk-register/class-one-grids").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("grid", "5303x").get("/api/risk-register/class-one-grids").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("grid"));
    }

    @Test
    void theWallGetsCountsOnlyAndIsRefusedTheRegisterAndItsGrids() {
        var wall = TestUsers.tokenUser("wall");
        wall.given().get("/api/risk-register").then().statusCode(403);
        wall.given().get("/api/risk-register/class-one-grids").then().statusCode(403);
        String body = wall.given().queryParam("grid", "530324").get("/api/risk-register/counts").then().statusCode(200).extract().asString();
        var counts = io.restassured.path.json.JsonPath.from(body);
        assertThat(counts.getMap("").keySet()).containsExactlyInAnyOrder("grid", "gridsWithClassOne", "classOne", "classTwo", "classThree");
        assertThat(counts.getString("grid")).as("the area asked for, not an entry's grid").isEqualTo("530324");
        assertThat(counts.getLong("gridsWithClassOne"))
                .isEqualTo(county.count("SELECT count(DISTINCT grid_code) FROM risk_entry WHERE class = 1 AND status <> 'resolved'"));
        assertThat(counts.getLong("classThree")).isEqualTo(county.count("SELECT count(*) FROM risk_entry WHERE class = 3 AND status <> 'resolved'"));
        for (String said : county.list("SELECT grid_code FROM risk_entry UNION SELECT subject FROM risk_entry UNION SELECT person FROM risk_entry")) {
            assertThat(body).as("the wall's answer").doesNotContain(said);
        }
    }

    @Test
    void theDemoRegisterHoldsXinjisSevenSeventeenAndNineEntries() {
        assertThat(county.list("SELECT count(*)::text FROM risk_entry WHERE demo GROUP BY class ORDER BY class")).containsExactly("7", "17", "9");
        given().queryParam("class", "1").queryParam("limit", "500").get("/api/risk-register").then().statusCode(200)
                .body("findAll { it.demo }.size()", equalTo(7));
    }
}
