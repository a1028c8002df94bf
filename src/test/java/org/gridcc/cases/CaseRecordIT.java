package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.gridcc.common.MovableClock;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The case record keeps its promises (一案一码、全程留痕): deadlines run from the time a case was
 * received, at intake and after every action; no event is ever rewritten and a deadline is met by
 * the first event that meets it; a reopened case is watched again; the 信访 steps keep the
 * statutory clock; 包案 has its four fixes and its deadline; unheeded reminders bring the 纪委 in.
 */
@QuarkusTest
class CaseRecordIT {

    private static final String CHINA_TEN_AM_YESTERDAY = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1)
            .withHour(10).withMinute(0).withSecond(0).withNano(0).toString();

    @Inject
    DemoCounty county;

    @Inject
    MovableClock clock;

    @Inject
    DeadlineSweeper sweeper;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String newCase(String category, String ruleSet, String receivedAt) {
        double[] p = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 2200 LIMIT 1"));
        return given().contentType("application/json").body("""
                        {"channel": "window", "category": "%s", %s "title": "案卷测试", "location": {"lon": %s, "lat": %s} %s}"""
                        .formatted(category, ruleSet == null ? "" : "\"ruleSet\": \"" + ruleSet + "\",", p[0], p[1],
                                receivedAt == null ? "" : ", \"receivedAt\": \"" + receivedAt + "\""))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }

    private static ValidatableResponse act(String code, String action, String body) {
        return given().contentType("application/json").body(body).post("/api/cases/" + code + "/actions/" + action).then();
    }

    private static JsonPath read(String code) {
        return given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static String due(JsonPath view, int round, String kind) {
        return view.getString("deadlines.find { it.round == %d && it.kind == '%s' }.due".formatted(round, kind));
    }

    private static Instant instant(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    private void later(Duration by) {
        clock.moveAhead(by);
    }

    private void sweep() {
        sweeper.sweep().await().atMost(Duration.ofSeconds(30));
    }

    // Defect 1: deadlines run from the time the case was received (以接访时间为起点), at intake and after every action.
    @Test
    void aBackdatedCaseKeepsItsDeadlinesAfterAnyAction() {
        String code = newCase("neighbour_dispute", null, CHINA_TEN_AM_YESTERDAY);
        JsonPath taken = read(code);
        Instant received = instant(CHINA_TEN_AM_YESTERDAY);
        assertThat(instant(due(taken, 0, "CLAIM"))).isEqualTo(received.plus(Duration.ofHours(24)));

        act(code, "supervise", "{\"reason\": \"督办\"}").statusCode(200);

        JsonPath after = read(code);
        assertThat(after.getList("deadlines")).isEqualTo(taken.getList("deadlines"));
        // The RECEIVED event keeps both times: when the case came in and when it was recorded.
        assertThat(instant(after.getString("history[0].payload.receivedAt"))).isEqualTo(received);
        assertThat(instant(after.getString("history[0].at"))).isAfter(Instant.now().minusSeconds(60));
    }

    // Defect 2: the first claim keeps its time; a late re-claim does not make the first acceptance late.
    @Test
    void aRepeatedEventRewritesNothingAndTheFirstEventMeetsTheDeadline() {
        String code = newCase("neighbour_dispute", null, null);
        String unit = read(code).getString("unit.code");
        handleToEvaluation(code, unit);
        JsonPath firstRound = read(code);
        String firstClaim = firstRound.getString("history.find { it.type == 'CLAIMED' }.at");
        assertThat(firstRound.getString("deadlines.find { it.round == 0 && it.kind == 'CLAIM' }.metAt")).isEqualTo(firstClaim);

        act(code, "evaluate", "{\"rating\": \"不满意\"}").statusCode(200);
        later(Duration.ofDays(3));
        act(code, "claim", "{\"unit\": \"%s\"}".formatted(unit)).statusCode(200);

        JsonPath after = read(code);
        assertThat(after.getList("history.findAll { it.type == 'CLAIMED' }.at", String.class)).hasSize(2).first().isEqualTo(firstClaim);
        assertThat(after.getString("deadlines.find { it.round == 0 && it.kind == 'CLAIM' }.metAt")).isEqualTo(firstClaim);
        assertThat(instant(after.getString("deadlines.find { it.round == 0 && it.kind == 'CLAIM' }.metAt")))
                .isBefore(instant(due(after, 0, "CLAIM")));
    }

    // Defect 3: the re-handling gets the rule set's deadlines counted from the reopening, warned and overdue like any.
    @Test
    void aReopenedCaseIsWatchedAgain() {
        String code = newCase("neighbour_dispute", null, null);
        String unit = read(code).getString("unit.code");
        handleToEvaluation(code, unit);
        later(Duration.ofDays(2));

        JsonPath reopened = act(code, "evaluate", "{\"rating\": \"不满意\"}").statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("dispatched");
        Instant reopenedAt = instant(reopened.getString("history.find { it.type == 'REOPENED' }.at"));
        assertThat(instant(due(reopened, 1, "CLAIM"))).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));
        assertThat(instant(due(reopened, 1, "REPLY"))).isEqualTo(reopenedAt.plus(Duration.ofHours(72)));
        assertThat(reopened.getString("deadlines.find { it.round == 1 && it.kind == 'FINISH' }.metAt")).isNull();

        later(Duration.ofHours(25));
        sweep();
        JsonPath overdue = read(code);
        assertThat(overdue.getList("history.findAll { it.type == 'OVERDUE' }.payload.kind", String.class)).contains("CLAIM");
        given().queryParam("overdue", true).queryParam("grid", overdue.getString("grids[-1].code")).get("/api/cases").then()
                .statusCode(200).body("items.code", hasItem(code));
    }

    // Defect 4: a petition is accepted or transferred before it is dispatched; nothing to extend before acceptance.
    @Test
    void aPetitionIsAcceptedBeforeItIsDispatchedAndOnlyAnOpenHandlingDeadlineIsExtended() {
        String code = newCase("petition", "xinfang", null);
        String unit = read(code).getString("unit.code");

        act(code, "dispatch", "{\"unit\": \"%s\"}".formatted(unit)).statusCode(409)
                .body("detail", containsString("accepted (accept) or transferred"))
                .body("allowed", hasItem("transfer"));
        act(code, "extend", "{\"days\": 10, \"reason\": \"需联合核查\"}").statusCode(409);
        assertThat(read(code).getInt("version")).isZero();

        JsonPath accepted = act(code, "accept", "{}").statusCode(200).extract().jsonPath();
        String handling = due(accepted, 0, "HANDLING");
        assertThat(handling).isNotNull();
        act(code, "dispatch", "{\"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        JsonPath extended = act(code, "extend", "{\"days\": 10, \"reason\": \"需联合核查\"}").statusCode(200).extract().jsonPath();
        assertThat(instant(due(extended, 0, "HANDLING"))).isAfter(instant(handling));
        act(code, "extend", "{\"days\": 5, \"reason\": \"再延\"}").statusCode(409).body("detail", containsString("only once"));
    }

    // Defect 5: every deadline kind of every rule set can be met through the public API.
    @Test
    void everyDeadlineOfLuopingIsMetThroughTheApi() {
        String code = newCase("neighbour_dispute", "luoping", null);
        String unit = read(code).getString("unit.code");
        for (String step : List.of("dispatch", "claim", "reply", "finish")) {
            act(code, step, "{\"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        }
        assertEveryDeadlineMet(code, "CLAIM", "REPLY", "FINISH");
    }

    @Test
    void everyDeadlineOfLanshan125IsMetThroughTheApi() {
        String code = newCase("petition", "lanshan-125", null);
        String unit = read(code).getString("unit.code");
        for (String step : List.of("dispatch", "claim", "contact", "first-answer", "reply")) {
            act(code, step, "{\"unit\": \"%s\", \"reason\": \"初步方案\"}".formatted(unit)).statusCode(200);
        }
        assertEveryDeadlineMet(code, "DISPATCH", "CONTACT", "FIRST_ANSWER", "FINAL_ANSWER");
        assertThat(read(code).getString("deadlines.find { it.kind == 'FIRST_ANSWER' }.metAt"))
                .isEqualTo(read(code).getString("history.find { it.type == 'FIRST_ANSWERED' }.at"));
    }

    @Test
    void everyDeadlineOfTheXinfangRegulationIsMetThroughTheApi() {
        String code = newCase("petition", "xinfang", null);
        String other = "530324-land_dispute";
        act(code, "transfer", "{\"unit\": \"%s\", \"reason\": \"属国土部门职权\"}".formatted(other)).statusCode(200)
                .body("status", equalTo("transferred")).body("unit.code", equalTo(other));
        act(code, "object", "{\"unit\": \"%s\", \"reason\": \"不属本部门职权\"}".formatted(other)).statusCode(200)
                .body("status", equalTo("received")).body("unit", nullValue());
        String unit = "530324-petition";
        act(code, "accept", "{}").statusCode(200);
        for (String step : List.of("dispatch", "claim", "reply")) {
            act(code, step, "{\"unit\": \"%s\", \"reason\": \"书面答复\"}".formatted(unit)).statusCode(200);
        }
        act(code, "request-review", "{\"reason\": \"对处理意见不服\"}").statusCode(200).body("status", equalTo("reviewing"));
        act(code, "answer-review", "{\"reason\": \"维持原处理意见\"}").statusCode(200).body("status", equalTo("replied"));
        act(code, "request-review", "{\"reason\": \"再次复查\"}").statusCode(409);
        act(code, "request-re-review", "{\"reason\": \"对复查意见不服\"}").statusCode(200).body("status", equalTo("re_reviewing"));
        act(code, "answer-re-review", "{\"reason\": \"复核维持\"}").statusCode(200);
        act(code, "request-re-review", "{\"reason\": \"同一事实\"}").statusCode(409);

        assertEveryDeadlineMet(code, "ACCEPTANCE_DECISION", "TRANSFER_NOTICE", "TRANSFER_OBJECTION", "HANDLING", "REVIEW_REQUEST",
                "REVIEW_ANSWER", "RE_REVIEW_REQUEST", "RE_REVIEW_ANSWER");
    }

    @Test
    void theXinfangStepsAreNotOfferedUnderOtherRules() {
        String code = newCase("neighbour_dispute", "luoping", null);
        act(code, "transfer", "{\"unit\": \"530324-land_dispute\"}").statusCode(409).body("detail", containsString("not a step of"));
        assertThat(read(code).getList("allowedActions", String.class)).doesNotContain("transfer", "first-answer", "request-review");
    }

    private static void assertEveryDeadlineMet(String code, String... kinds) {
        JsonPath view = read(code);
        assertThat(view.getList("deadlines.kind", String.class)).containsExactlyInAnyOrder(kinds);
        assertThat(view.getList("deadlines", Map.class)).allSatisfy(d -> assertThat(d.get("metAt")).as(d.toString()).isNotNull());
    }

    // Defect 6: 包案 takes all four fixes; its deadline is watched; the case view shows who holds the case.
    @Test
    void aLeaderTakesTheCaseWithAllFourFixesAndItsDeadlineIsWatched() {
        String code = newCase("land_dispute", null, null);
        String unit = read(code).getString("unit.code");
        act(code, "assign-leader", "{\"leader\": {\"leader\": \"张县长\", \"unit\": \"县自然资源局\", \"person\": \"李科长\"}}")
                .statusCode(400).body("errors.field", hasItem("leader.deadline"));
        act(code, "assign-leader", "{\"leader\": {\"leader\": \"张县长\", \"unit\": \"县自然资源局\", \"person\": \"李科长\", \"deadline\": \"%s\"}}"
                .formatted(LocalDate.now().minusDays(3))).statusCode(422).body("errors[0].field", equalTo("leader.deadline"));
        String until = LocalDate.now().plusDays(2).toString();
        JsonPath led = act(code, "assign-leader", "{\"leader\": {\"leader\": \"张县长\", \"unit\": \"县自然资源局\", \"person\": \"李科长\", \"deadline\": \"%s\"}}"
                .formatted(until)).statusCode(200).extract().jsonPath();
        assertThat(led.getString("leader.leader")).isEqualTo("张县长");
        assertThat(led.getString("leader.person")).isEqualTo("李科长");
        assertThat(due(led, 0, "CASE_LEAD")).startsWith(LocalDate.parse(until).plusDays(1) + "T00:00");

        later(Duration.ofDays(4));
        sweep();
        assertThat(read(code).getList("history.findAll { it.type == 'OVERDUE' }.payload.kind", String.class)).contains("CASE_LEAD");
        for (String step : List.of("dispatch", "claim", "reply", "finish")) {
            act(code, step, "{\"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        }
        assertThat(read(code).getString("deadlines.find { it.kind == 'CASE_LEAD' }.metAt")).isNotNull();
    }

    // Defect 7: reminders repeat on an overdue deadline; unheeded, the case goes under the county 纪委's supervision.
    @Test
    void unheededRemindersReferTheCaseToTheDisciplineCommission() {
        // 安全生产 goes to the county's emergency management bureau, a unit no other test gives cases to.
        String code = newCase("work_safety", null, null);
        String unit = read(code).getString("unit.code");
        String village = read(code).getString("grids[2].code");
        // The test profile reminds every 6 h, twice: overdue at 24 h, reminders at 30 h and 36 h, referral after 42 h.
        later(Duration.ofHours(25));
        sweep();
        assertThat(read(code).getBoolean("discipline")).isFalse();
        later(Duration.ofHours(12));
        sweep();
        assertThat(claimNotices(code)).containsExactly("WARNED", "OVERDUE", "REMINDED", "REMINDED");
        assertThat(read(code).getBoolean("discipline")).isFalse();
        later(Duration.ofHours(6));
        sweep();
        sweep();

        JsonPath referred = read(code);
        assertThat(claimNotices(code)).containsExactly("WARNED", "OVERDUE", "REMINDED", "REMINDED", "REFERRED");
        assertThat(referred.getBoolean("discipline")).isTrue();
        given().queryParam("grid", village).queryParam("discipline", true).get("/api/cases").then()
                .statusCode(200).body("items.code", hasItem(code)).body("items.find { it.code == '%s' }.discipline".formatted(code), equalTo(true));
        String day = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(43).toLocalDate().toString();
        given().queryParam("grid", village).queryParam("date", day).get("/api/reports/weekly").then()
                .statusCode(200).body("kpis.overdueByUnit.find { it.unit == '%s' }.referredCases".formatted(unit), equalTo(1));
    }

    private static List<String> claimNotices(String code) {
        return read(code).getList("history.findAll { it.payload.kind == 'CLAIM' }.type", String.class);
    }

    private static void handleToEvaluation(String code, String unit) {
        for (String step : List.of("dispatch", "claim", "reply", "finish")) {
            act(code, step, "{\"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        }
    }

    // Defect 9: times before the loaded calendars or beyond the window are refused, naming the bound.
    @Test
    void aCaseReceivedLongAgoIsRefusedNamingTheBound() {
        for (String receivedAt : List.of("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(91).truncatedTo(ChronoUnit.SECONDS).toString())) {
            double[] p = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 2200 LIMIT 1"));
            given().contentType("application/json").body("""
                            {"channel": "window", "category": "neighbour_dispute", "title": "旧案", "receivedAt": "%s",
                             "location": {"lon": %s, "lat": %s}}""".formatted(receivedAt, p[0], p[1]))
                    .post("/api/cases").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("receivedAt"))
                    .body("errors[0].message", containsString("90 days"));
        }
    }
}
