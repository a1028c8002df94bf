package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** The closed loop (闭环): every action checked against state, version and holder, and written to the history. */
@QuarkusTest
class CaseLoopIT {

    @Inject
    DemoCounty county;

    private String newCase(String category) {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        return given().contentType("application/json").body("""
                        {"channel": "grid_worker", "category": "%s", "title": "地界纠纷", "location": {"lon": %s, "lat": %s}}"""
                        .formatted(category, p[0], p[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }

    private static ValidatableResponse act(String code, String action, String body) {
        return given().contentType("application/json").body(body).post("/api/cases/" + code + "/actions/" + action).then();
    }

    private static String unitOf(String code) {
        return given().get("/api/cases/" + code).then().extract().path("unit.code");
    }

    @Test
    void aCaseGoesRoundTheWholeLoopAndEveryStepIsInItsHistory() {
        String code = newCase("neighbour_dispute");
        String unit = unitOf(code);

        act(code, "accept", "{\"actor\": \"值班员李明\"}").statusCode(200).body("status", equalTo("accepted"));
        act(code, "dispatch", "{\"actor\": \"值班员李明\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "claim", "{\"actor\": \"村委会王芳\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "contact", "{\"actor\": \"村委会王芳\", \"unit\": \"%s\", \"reason\": \"电话联系当事人\"}".formatted(unit)).statusCode(200);
        act(code, "reply", "{\"actor\": \"村委会王芳\", \"unit\": \"%s\", \"reason\": \"已调解\"}".formatted(unit)).statusCode(200);
        act(code, "finish", "{\"actor\": \"村委会王芳\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "evaluate", "{\"actor\": \"回访员\", \"rating\": \"满意\"}").statusCode(200);
        act(code, "archive", "{\"actor\": \"值班员李明\"}").statusCode(200)
                .body("status", equalTo("archived"))
                .body("version", equalTo(8))
                .body("history.type", contains("RECEIVED", "ACCEPTED", "DISPATCHED", "CLAIMED", "CONTACTED", "REPLIED", "FINISHED",
                        "EVALUATED", "ARCHIVED"))
                .body("history[6].actor", equalTo("系统管理员 (admin)"))
                .body("history[6].payload.onBehalfOf", equalTo("村委会王芳"))
                .body("history[7].payload.rating", equalTo("满意"))
                .body("deadlines.find { it.kind == 'CLAIM' }.metAt", not(equalTo(null)))
                .body("deadlines.find { it.kind == 'FINISH' }.metAt", not(equalTo(null)));
    }

    @Test
    void anActionNotAllowedNowIs409NamingTheAllowedOnesAndChangesNothing() {
        String code = newCase("neighbour_dispute");

        act(code, "finish", "{\"actor\": \"x\", \"unit\": \"y\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcc:problem:action-not-allowed"))
                .body("detail", containsString("finish is not allowed while case " + code + " is received"))
                .body("status", equalTo(409))
                .body("caseStatus", equalTo("received"))
                .body("allowed", contains("accept", "reject", "dispatch", "supervise", "assign-leader", "merge", "keep-separate"));
        given().get("/api/cases/" + code).then().body("version", equalTo(0)).body("history.size()", equalTo(1));
    }

    @Test
    void aStaleVersionIs412() {
        String code = newCase("neighbour_dispute");
        act(code, "accept", "{\"actor\": \"a\"}").statusCode(200);

        given().header("If-Match", "\"0\"").contentType("application/json").body("{\"actor\": \"b\", \"reason\": \"督办\"}")
                .post("/api/cases/" + code + "/actions/supervise").then()
                .statusCode(412)
                .body("detail", containsString("version 1"));
        given().header("If-Match", "\"1\"").contentType("application/json").body("{\"actor\": \"b\", \"reason\": \"督办\"}")
                .post("/api/cases/" + code + "/actions/supervise").then()
                .statusCode(200)
                .body("supervised", equalTo(true))
                .header("ETag", equalTo("\"2\""));
    }

    @Test
    void onlyTheUnitHoldingTheCaseCanClaimIt() {
        String code = newCase("neighbour_dispute");
        String unit = unitOf(code);
        act(code, "dispatch", "{\"actor\": \"c\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);

        act(code, "claim", "{\"actor\": \"d\", \"unit\": \"530324-public_order\"}")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("does not hold this case; " + unit + " does"));
        given().get("/api/cases/" + code).then().body("status", equalTo("dispatched"));
    }

    @Test
    void anUnsatisfiedRatingReopensTheCase() {
        String code = newCase("neighbour_dispute");
        String unit = unitOf(code);
        act(code, "dispatch", "{\"actor\": \"c\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "claim", "{\"actor\": \"u\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "reply", "{\"actor\": \"u\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);
        act(code, "finish", "{\"actor\": \"u\", \"unit\": \"%s\"}".formatted(unit)).statusCode(200);

        act(code, "evaluate", "{\"actor\": \"回访员\", \"rating\": \"不满意\"}").statusCode(200)
                .body("status", equalTo("dispatched"))
                .body("unit.code", equalTo(unit));
        act(code, "evaluate", "{\"actor\": \"回访员\", \"rating\": \"很好\"}").statusCode(400);
    }

    @Test
    void escalationGoesUpOneLevelAtATimeToTheCountyDepartment() {
        String code = newCase("neighbour_dispute");
        String village = unitOf(code);
        act(code, "dispatch", "{\"actor\": \"c\", \"unit\": \"%s\"}".formatted(village)).statusCode(200);

        act(code, "escalate", "{\"actor\": \"u\", \"reason\": \"村级无法调解\"}").statusCode(200)
                .body("unit.code", equalTo(village.substring(0, 9)));
        act(code, "escalate", "{\"actor\": \"u\", \"reason\": \"乡级无法调解\"}").statusCode(200)
                .body("unit.code", equalTo("530324-neighbour_dispute"))
                .body("unit.name", equalTo("罗平县司法局"));
        act(code, "escalate", "{\"actor\": \"u\", \"reason\": \"再上报\"}").statusCode(409)
                .body("detail", containsString("already at the county level"));
        act(code, "escalate", "{\"actor\": \"u\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void onlyAPetitionCanBeExtendedOnceByAtMostThirtyDays() {
        String dispute = newCase("neighbour_dispute");
        act(dispute, "accept", "{\"actor\": \"a\"}").statusCode(200);
        act(dispute, "extend", "{\"actor\": \"a\", \"days\": 10, \"reason\": \"需要鉴定\"}").statusCode(409);

        String petition = newCase("petition");
        String handlingBefore = act(petition, "accept", "{\"actor\": \"a\"}").statusCode(200)
                .extract().path("deadlines.find { it.kind == 'HANDLING' }.due");
        act(petition, "extend", "{\"actor\": \"a\", \"days\": 31, \"reason\": \"需要鉴定\"}").statusCode(409);
        String handlingAfter = act(petition, "extend", "{\"actor\": \"a\", \"days\": 20, \"reason\": \"需要鉴定\"}").statusCode(200)
                .extract().path("deadlines.find { it.kind == 'HANDLING' }.due");
        act(petition, "extend", "{\"actor\": \"a\", \"days\": 5, \"reason\": \"还要\"}").statusCode(409);

        assertThat(handlingBefore).isNotNull();
        assertThat(java.time.OffsetDateTime.parse(handlingAfter))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(handlingBefore).plusDays(20));
    }

    @Test
    void ofTwoConcurrentDispatchesOneWinsAndTheHistoryHasOne() {
        String code = newCase("neighbour_dispute");
        String unit = unitOf(code);
        var attempts = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> given().header("If-Match", "\"0\"").contentType("application/json")
                    .body("{\"actor\": \"officer\", \"unit\": \"%s\"}".formatted(unit))
                    .post("/api/cases/" + code + "/actions/dispatch").statusCode()));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(200, 412);
        given().get("/api/cases/" + code).then().body("history.findAll { it.type == 'DISPATCHED' }.size()", equalTo(1));
    }

    @Test
    void anUnknownActionIs404AndAMissingReasonIsNamed() {
        String code = newCase("neighbour_dispute");
        act(code, "teleport", "{\"actor\": \"a\"}").statusCode(404).body("detail", containsString("accept"));
        act(code, "reject", "{\"actor\": \"a\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
        act(code, "accept", "{}").statusCode(200).body("history[-1].actor", equalTo("系统管理员 (admin)"));
    }
}
