package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** Mediation on a dispute: the mediator from the pool (点菜), kind and outcome recorded, 调解成功率 from the outcomes. */
@QuarkusTest
class MediationIT {

    @Inject
    DemoCounty county;

    private String accepted(String base, String category) {
        String code = TestCases.post(county.pointIn(base), category, null);
        given().contentType("application/json").body("{}").post("/api/cases/" + code + "/actions/accept").then().statusCode(200);
        return code;
    }

    private int mediatorFor(String category) {
        return given().queryParam("kind", "mediator").queryParam("category", category).get("/api/people").then().statusCode(200)
                .extract().path("items[0].id");
    }

    @Test
    void aMediationIsRecordedAndTheSuccessRateCountsOutcomes() {
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 700 LIMIT 1");
        String agreed = accepted(base, "land_dispute"), failed = accepted(base, "land_dispute");
        int mediator = mediatorFor("land_dispute");
        given().contentType("application/json").body("""
                        {"reason": "双方到村和事屋", "mediation": {"mediator": %d, "agreement": true, "judicialConfirmation": true}}"""
                        .formatted(mediator))
                .post("/api/cases/" + agreed + "/actions/mediate").then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("history[-1].type", equalTo("MEDIATED"))
                .body("history[-1].payload.mediation.mediator", equalTo(mediator))
                .body("history[-1].payload.mediation.agreement", equalTo(true))
                .body("history[-1].payload.mediation.judicialConfirmation", equalTo(true))
                .body("history[-1].payload.mediation.mediatorName", org.hamcrest.Matchers.notNullValue())
                .body("history[-1].payload.mediation.kind", org.hamcrest.Matchers.isOneOf("人民", "行政", "司法"));
        given().contentType("application/json").body("""
                        {"mediation": {"mediator": %d, "agreement": false}}""".formatted(mediator))
                .post("/api/cases/" + failed + "/actions/mediate").then().statusCode(200);

        given().queryParam("grid", base).get("/api/reports/daily").then().statusCode(200)
                .body("kpis.mediated", equalTo(2)).body("kpis.mediationAgreements", equalTo(1))
                .body("kpis.judiciallyConfirmed", equalTo(1)).body("kpis.mediationSuccessRate", equalTo(0.5f));
    }

    @Test
    void aMediationOutsideThePoolOrWithoutItsOutcomeIsRefusedNamingTheField() {
        String base = county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 720 LIMIT 1");
        String dispute = accepted(base, "family_dispute");
        int noFamily = Integer.parseInt(county.one(
                "SELECT id::text FROM person WHERE kind = 'mediator' AND NOT ('family_dispute' = ANY (specialties)) ORDER BY id LIMIT 1"));
        given().contentType("application/json").body("""
                        {"mediation": {"mediator": %d, "agreement": true}}""".formatted(noFamily))
                .post("/api/cases/" + dispute + "/actions/mediate").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mediation.mediator"));
        given().contentType("application/json").body("{\"mediation\": {\"mediator\": 999999, \"agreement\": true}}")
                .post("/api/cases/" + dispute + "/actions/mediate").then().statusCode(400).body("errors[0].field", equalTo("mediation.mediator"));
        given().contentType("application/json").body("{\"mediation\": {\"mediator\": %d}}".formatted(mediatorFor("family_dispute")))
                .post("/api/cases/" + dispute + "/actions/mediate").then().statusCode(400)
                .body("errors.field", hasItem("mediation.agreement"));
        given().contentType("application/json").body("""
                        {"mediation": {"mediator": %d, "agreement": false, "judicialConfirmation": true}}""".formatted(mediatorFor("family_dispute")))
                .post("/api/cases/" + dispute + "/actions/mediate").then().statusCode(400)
                .body("errors[0].field", equalTo("mediation.judicialConfirmation"));
        given().contentType("application/json").body("{}").post("/api/cases/" + dispute + "/actions/mediate").then().statusCode(400)
                .body("errors[0].field", equalTo("mediation"));
        // Not a dispute: nothing to mediate.
        String order = accepted(base, "public_order");
        given().contentType("application/json").body("{\"mediation\": {\"mediator\": %d, \"agreement\": true}}".formatted(noFamily))
                .post("/api/cases/" + order + "/actions/mediate").then().statusCode(409);
        given().get("/api/cases/" + dispute).then().body("history.type", org.hamcrest.Matchers.not(hasItem("MEDIATED")));
    }
}
