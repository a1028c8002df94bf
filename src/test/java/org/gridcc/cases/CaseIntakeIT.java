package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.gridcc.common.MovableClock;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Intake: a case is located, coded, routed by risk, given its deadlines and committed with its first event. */
@QuarkusTest
class CaseIntakeIT {

    @Inject
    DemoCounty county;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String at(double[] p, String category, String risk) {
        return """
                {"channel": "hotline_12345", "category": "%s", %s "title": "楼上漏水", "description": "邻居家漏水到我家",
                 "location": {"lon": %s, "lat": %s}, "reporter": {"name": "张三", "phone": "13812341234"}}"""
                .formatted(category, risk == null ? "" : "\"risk\": \"" + risk + "\",", p[0], p[1]);
    }

    private Response post(String body) {
        return given().contentType("application/json").body(body).post("/api/cases");
    }

    @Test
    void aLowRiskCaseGoesToTheVillageCommitteeOfItsGrid() {
        String base = county.first(GridLevel.BASE);
        String village = base.substring(0, 12);

        JsonPath created = post(at(county.pointIn(base), "neighbour_dispute", null)).then()
                .statusCode(201)
                .header("Location", matchesPattern("/api/cases/530324-\\d{8}-\\d{6}-[0-9X]"))
                .body("status", equalTo("received"))
                .body("risk", equalTo("low"))
                .body("grids.code", hasItem(base))
                .body("unit.code", equalTo(village))
                .body("unit.level", equalTo("village"))
                .body("unit.name", containsString("委员会"))
                .body("history[0].type", equalTo("RECEIVED"))
                .extract().jsonPath();

        assertThat(county.count("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.code = ?",
                created.getString("code"))).isEqualTo(1);
        assertThat(county.one("SELECT base_code FROM \"case\" WHERE code = ?", created.getString("code"))).isEqualTo(base);
    }

    @Test
    void mediumRiskGoesToTheTownshipAndHighRiskToTheCountyDepartment() {
        String base = county.first(GridLevel.BASE);
        post(at(county.pointIn(base), "land_dispute", null)).then()
                .statusCode(201)
                .body("risk", equalTo("medium"))
                .body("unit.code", equalTo(base.substring(0, 9)))
                .body("unit.level", equalTo("township"))
                .body("unit.name", matchesPattern(".*(人民政府|办事处)（演示）"));
        post(at(county.pointIn(base), "land_dispute", "high")).then()
                .statusCode(201)
                .body("unit.code", equalTo("530324-land_dispute"))
                .body("unit.name", equalTo("罗平县自然资源局"));
    }

    @Test
    void everyDeadlineOfTheRuleSetIsSetFromTheTimeReceived() {
        // Registered two days after it came in, over National Day 2026 (the service clock set there, within the window).
        clock.reset();
        clock.moveAhead(Duration.between(Instant.now(), OffsetDateTime.parse("2026-10-02T09:00:00+08:00").toInstant()));
        String body = at(county.pointIn(county.first(GridLevel.BASE)), "neighbour_dispute", null)
                .replace("\"reporter\"", "\"receivedAt\": \"2026-09-30T10:00:00+08:00\", \"reporter\"");

        post(body).then()
                .statusCode(201)
                .body("code", matchesPattern("530324-20260930-.*"))
                .body("ruleSet", equalTo("luoping"))
                .body("deadlines.kind", equalTo(java.util.List.of("CLAIM", "REPLY", "FINISH")))
                .body("deadlines[0].due", equalTo("2026-10-01T10:00:00+08:00"))
                .body("deadlines[1].due", equalTo("2026-10-03T10:00:00+08:00"))
                .body("deadlines[2].due", equalTo("2026-10-08T00:00:00+08:00"));
    }

    @Test
    void aPetitionFollowsTheRegulationsOnLettersAndVisits() {
        post(at(county.pointIn(county.first(GridLevel.BASE)), "petition", null)).then()
                .statusCode(201)
                .body("ruleSet", equalTo("xinfang"))
                .body("deadlines.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void theCaseCanBeReadBackByItsCodeTypedAnyWay() {
        String code = post(at(county.pointIn(county.first(GridLevel.BASE)), "neighbour_dispute", null)).then().statusCode(201)
                .extract().path("code");

        given().get("/api/cases/" + code.replace("-", "").toLowerCase()).then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("reporter.name", equalTo("张*"))
                .body("history.size()", equalTo(1));
    }

    @Test
    void theAnswerToIntakeIsTheCaseAsStored() {
        String base = county.first(GridLevel.BASE);
        String earlier = post(at(county.pointIn(base), "neighbour_dispute", null)).then().statusCode(201).extract().path("code");

        // Built from what was written, not read back: it must say exactly what a later read says.
        Response created = post(at(county.pointIn(base), "neighbour_dispute", null));
        Object answered = created.then().statusCode(201).extract().jsonPath().get("$");
        Object stored = given().get("/api/cases/" + created.path("code")).then().statusCode(200).extract().jsonPath().get("$");

        assertThat(answered).isEqualTo(stored);
        assertThat(created.jsonPath().getList("possibleDuplicates.code")).contains(earlier);
        assertThat(created.jsonPath().getInt("earlierFromReporter")).isGreaterThan(0);
    }

    @Test
    void requestsRacingWithOneIdempotencyKeyMakeOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = at(county.pointIn(county.first(GridLevel.BASE)), "neighbour_dispute", null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Callable<Response> send = () -> given().header("Idempotency-Key", key)
                    .contentType("application/json").body(body).post("/api/cases");
            var answers = pool.invokeAll(java.util.Collections.nCopies(8, send));
            var codes = new java.util.HashSet<String>();
            for (var answer : answers) {
                assertThat(answer.get().statusCode()).isIn(200, 201);
                codes.add(answer.get().path("code"));
            }
            assertThat(codes).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(county.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key)).isEqualTo(1);
    }

    @Test
    void aMistypedCodeIsToldByItsCheckCharacter() {
        String code = post(at(county.pointIn(county.first(GridLevel.BASE)), "neighbour_dispute", null)).then().statusCode(201)
                .extract().path("code");
        int at = code.length() - 3; // the last digit of the serial
        char digit = code.charAt(at);
        String typo = code.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + code.substring(at + 1);

        given().get("/api/cases/" + typo).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", equalTo("check character does not match"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameCaseAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        String body = at(county.pointIn(county.first(GridLevel.BASE)), "neighbour_dispute", null);
        String code = given().header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/cases")
                .then().statusCode(201).extract().path("code");

        given().header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/cases").then()
                .statusCode(200)
                .body("code", equalTo(code));
        given().header("Idempotency-Key", key).contentType("application/json").body(body.replace("楼上漏水", "楼下噪音"))
                .post("/api/cases").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(code));
        assertThat(county.count("SELECT count(*) FROM \"case\" WHERE code = ?", code)).isEqualTo(1);
    }

    @Test
    void aPointOutsideTheCountyIs422WithTheNearestGrid() {
        double east = Double.parseDouble(county.one("SELECT ST_XMax(geom) FROM grid WHERE level = 'county'"));
        long before = county.count("SELECT count(*) FROM \"case\"");

        post(at(new double[] {east + 0.1, county.pointIn("530324")[1]}, "neighbour_dispute", null)).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("nearest.code", not(equalTo(null)));
        assertThat(county.count("SELECT count(*) FROM \"case\"")).isEqualTo(before);
    }

    @Test
    void badInputIsNamedFieldByField() {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        post(at(p, "alien_invasion", null)).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("neighbour_dispute"));
        post("{\"channel\": \"pigeon\", \"category\": \"neighbour_dispute\", \"title\": \"x\"}").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        post("{\"channel\": \"window\", \"category\": \"neighbour_dispute\", \"title\": \"" + "长".repeat(201) + "\", \"gridCode\": \"530324\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        post("{\"channel\": \"window\", \"category\": \"neighbour_dispute\", \"title\": \"x\"}").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("location"));
        post(at(p, "neighbour_dispute", null).replace("\"reporter\"", "\"receivedAt\": \"2099-01-01T08:00:00+08:00\", \"reporter\""))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedAt"))
                .body("errors[0].message", containsString("in the future"));
    }
}
