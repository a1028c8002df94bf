package org.gridcc.rounds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

/** Rounds (排查): the schedule, a worker's round with a finding taken in as a case, missed rounds, completion, the demo history. */
@QuarkusTest
class RoundsIT {

    @Inject
    DemoCounty county;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String base(int offset) {
        return county.one("SELECT code FROM grid WHERE level = 'base' AND version_id = (SELECT id FROM grid_version WHERE status = 'published') "
                + "ORDER BY code OFFSET ? LIMIT 1", offset);
    }

    /** The last working day before today, with the demo's round of the grid that day taken away: a missed round to make up for. */
    private LocalDate missedDay(String grid) {
        LocalDate day = LocalDate.parse(county.one("""
                SELECT max(d)::date::text FROM generate_series(?::date - 6, ?::date - 1, interval '1 day') d
                 WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM calendar_day c WHERE c.day = d::date)""", today(), today()));
        county.execute("DELETE FROM finding WHERE round_id IN (SELECT id FROM screening_round WHERE grid_code = ? AND done_on = ?)", grid, day);
        county.execute("DELETE FROM screening_round WHERE grid_code = ? AND done_on = ?", grid, day);
        return day;
    }

    @Test
    void theScheduleIsLanshansAsDataAndAnAdminChangesIt() {
        given().get("/api/rounds/schedule").then().statusCode(200)
                .body("find { it.level == 'county' }.every", equalTo("quarter"))
                .body("find { it.level == 'township' }.every", equalTo("month"))
                .body("find { it.level == 'village' }.every", equalTo("week"))
                .body("find { it.level == 'base' }.rule", equalTo("网格每天一次"));
        try {
            given().contentType("application/json").body("{\"every\": \"week\"}").put("/api/rounds/schedule/base").then().statusCode(200)
                    .body("rule", equalTo("网格每周一次"));
            given().get("/api/rounds/schedule").then().body("find { it.level == 'base' }.every", equalTo("week"));
            given().contentType("application/json").body("{\"every\": \"fortnight\"}").put("/api/rounds/schedule/base").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("every"));
            given().contentType("application/json").body("{\"every\": \"day\"}").put("/api/rounds/schedule/group").then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        } finally {
            given().contentType("application/json").body("{\"every\": \"day\"}").put("/api/rounds/schedule/base").then().statusCode(200);
        }
    }

    @Test
    void aMissedRoundIsFlaggedUntilItsWorkerRecordsIt() {
        String grid = base(17);
        LocalDate day = missedDay(grid);
        var worker = TestUsers.user("worker", grid.substring(0, 12), null);
        given().queryParam("grid", grid).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/rounds/missed").then()
                .statusCode(200).body("missed.grid", hasItem(grid)).body("missed.find { it.grid == '%s' }.dueBy".formatted(grid), equalTo(day.toString()))
                .body("missed.find { it.grid == '%s' }.levelName".formatted(grid), equalTo("网格"));

        long id = ((Number) worker.given().contentType("application/json").body("""
                        {"grid": "%s", "at": "%sT10:00:00+08:00", "notes": "入户走访", "findings": [
                          {"title": "两户因排水沟争吵", "category": "neighbour_dispute", "description": "需调解"}]}""".formatted(grid, day))
                .post("/api/rounds").then().statusCode(201)
                .body("level", equalTo("base")).body("doneOn", equalTo(day.toString())).body("visited", equalTo(List.of(grid)))
                .body("findings[0].caseCode", equalTo(null))
                .extract().path("id")).longValue();

        given().queryParam("grid", grid).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/rounds/missed").then()
                .statusCode(200).body("total", equalTo(0));

        // The finding goes in through the case intake, as a grid worker's case, and the round names it.
        String code = worker.given().post("/api/rounds/{id}/findings/1/case", id).then().statusCode(201).extract().path("caseCode");
        given().get("/api/cases/" + code).then().statusCode(200).body("channel", equalTo("grid_worker"))
                .body("title", equalTo("两户因排水沟争吵"));
        worker.given().post("/api/rounds/{id}/findings/1/case", id).then().statusCode(200).body("caseCode", equalTo(code));
        worker.given().get("/api/rounds/{id}", id).then().statusCode(200).body("findings[0].caseCode", equalTo(code));
        assertThat(county.count("SELECT count(*) FROM \"case\" WHERE code = ?", code)).isEqualTo(1);
    }

    @Test
    void aRoundRecordedByTheLoginOfAGridWorkerOfThePeopleRegisterNamesThatPerson() {
        String grid = base(23);
        var worker = TestUsers.user("worker", grid, null);
        String round = "{\"grid\": \"%s\"}".formatted(grid);
        worker.given().contentType("application/json").body(round).post("/api/rounds").then().statusCode(201).body("person", equalTo(null));
        String person = county.one("SELECT min(id)::text FROM person WHERE kind = 'worker' AND grid_code = ? AND username IS NULL", grid);
        county.execute("UPDATE person SET username = ? WHERE id = ?::int", worker.username(), person);
        long id = ((Number) worker.given().contentType("application/json").body(round).post("/api/rounds").then().statusCode(201)
                .body("person", equalTo(Integer.parseInt(person))).extract().path("id")).longValue();
        given().queryParam("grid", grid).get("/api/rounds").then().statusCode(200)
                .body("find { it.id == %d }.person".formatted(id), equalTo(Integer.parseInt(person)));
        given().queryParam("kind", "worker").queryParam("grid", grid).get("/api/people").then().statusCode(200)
                .body("items.find { it.id == %s }.login".formatted(person), equalTo(worker.username()));
    }

    @Test
    void aWorkerReadsItsOwnRoundsOnlyAndRecordsInItsGridOnly() {
        String grid = base(40), other = base(4000);
        var worker = TestUsers.user("worker", grid, null);
        var colleague = TestUsers.user("worker", grid, null);
        long id = ((Number) worker.given().contentType("application/json").body("{\"grid\": \"%s\"}".formatted(grid))
                .post("/api/rounds").then().statusCode(201).extract().path("id")).longValue();
        worker.given().get("/api/rounds").then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo((int) id));
        colleague.given().get("/api/rounds").then().statusCode(200).body("size()", equalTo(0));
        colleague.given().get("/api/rounds/{id}", id).then().statusCode(404);
        colleague.given().post("/api/rounds/{id}/findings/1/case", id).then().statusCode(404);
        worker.given().contentType("application/json").body("{\"grid\": \"%s\"}".formatted(other)).post("/api/rounds").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        worker.given().get("/api/rounds/missed").then().statusCode(403);
        worker.given().get("/api/cases").then().statusCode(403);
        // Audited like every change: the round recorded and the one refused.
        given().queryParam("actor", worker.username()).queryParam("action", "POST /api/rounds").get("/api/audit").then().statusCode(200)
                .body("entries.outcome", equalTo(List.of("refused", "ok")));
    }

    @Test
    void badRoundsAreRefusedNamingTheField() {
        String grid = base(41);
        String[][] cases = {
                {"{}", "grid"},
                {"{\"grid\": \"12\"}", "grid"},
                {"{\"grid\": \"%s\", \"at\": \"%s\"}".formatted(grid, today().plusDays(2) + "T10:00:00+08:00"), "at"},
                {"{\"grid\": \"%s\", \"at\": \"%s\"}".formatted(grid, today().minusDays(20) + "T10:00:00+08:00"), "at"},
                {"{\"grid\": \"%s\", \"visited\": [\"%s\"]}".formatted(grid, base(3000)), "visited[0]"},
                {"{\"grid\": \"%s\", \"findings\": [{\"title\": \"x\", \"category\": \"nothing\"}]}".formatted(grid), "findings[0].category"},
                {"{\"grid\": \"%s\", \"findings\": [{\"category\": \"neighbour_dispute\"}]}".formatted(grid), "findings[0].title"},
                {"{\"grid\": \"%s\"}".formatted(grid.substring(0, 15)), "grid"}};
        for (String[] c : cases) {
            given().contentType("application/json").body(c[0]).post("/api/rounds").then()
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(c[1]));
        }
        given().contentType("application/json").body("{\"username\": \"worker-without-grid\", \"displayName\": \"网格员\", \"role\": \"worker\", "
                + "\"password\": \"test-pass-2026\"}").post("/api/users").then().statusCode(400).body("errors.field", hasItem("grid"));
        given().queryParam("from", "yesterday").get("/api/rounds/missed").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("level", "street").get("/api/rounds/completion").then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void completionCountsDueDoneAndMissedPerLevelAndUnitFromTheDemoHistory() {
        String township = county.one("SELECT min(code) FROM grid WHERE level = 'township'");
        var answer = given().queryParam("grid", township).get("/api/rounds/completion").then().statusCode(200)
                .body("units[0].level", equalTo("village")).extract();
        List<Integer> due = answer.path("levels.due"), done = answer.path("levels.done"), missed = answer.path("levels.missed");
        for (int i = 0; i < due.size(); i++) assertThat(due.get(i)).isEqualTo(done.get(i) + missed.get(i));
        int baseDue = answer.path("levels.find { it.level == 'base' }.due");
        float rate = answer.path("levels.find { it.level == 'base' }.completionRate");
        assertThat(baseDue).isPositive();
        assertThat(rate).as("the demo does 93 %% of grid rounds").isBetween(0.85f, 0.99f);
        assertThat(county.count("SELECT count(*) FROM screening_round WHERE demo AND worker_id IS NULL")).isPositive();
    }
}
