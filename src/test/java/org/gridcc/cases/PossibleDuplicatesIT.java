package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A case near an open one of the same kind, or from the same reporter, is linked for the centre to merge or keep. */
@QuarkusTest
class PossibleDuplicatesIT {

    @Inject
    DemoCounty county;

    private double[] here;
    private double[] elsewhere;

    @BeforeEach
    void placesNoOtherTestUses() {
        here = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 300 LIMIT 1"));
        elsewhere = county.pointIn(county.one("SELECT code FROM grid WHERE level = 'base' ORDER BY code DESC OFFSET 3000 LIMIT 1"));
        county.execute("UPDATE \"case\" SET status = 'archived' WHERE ST_DWithin(point::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 2000)",
                here[0], here[1]);
    }

    private static String phone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String post(String category, double[] p, String phone) {
        return given().contentType("application/json").body("""
                        {"channel": "window", "category": "%s", "title": "事项", "location": {"lon": %s, "lat": %s},
                         "reporter": {"name": "李四", "phone": "%s"}}""".formatted(category, p[0], p[1], phone))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }

    @Test
    void aSecondCaseOfTheSameKindAtTheSamePlaceIsLinkedBothWays() {
        String first = post("environment", here, phone());
        String second = post("environment", here, phone());
        String otherKind = post("wage_arrears", here, phone());

        given().get("/api/cases/" + second).then()
                .body("possibleDuplicates.code", contains(first))
                .body("possibleDuplicates[0].reason", equalTo("nearby"))
                .body("history[0].payload.possibleDuplicates", contains(first));
        given().get("/api/cases/" + first).then().body("possibleDuplicates.code", contains(second));
        given().get("/api/cases/" + otherKind).then().body("possibleDuplicates", empty());
    }

    @Test
    void theSameReporterAgainIsARepeatWhereverItIs() {
        String phone = phone();
        String first = post("land_dispute", here, phone);
        String again = post("petition", elsewhere, phone);

        given().get("/api/cases/" + again).then()
                .body("possibleDuplicates.code", contains(first))
                .body("possibleDuplicates[0].reason", equalTo("same_reporter"))
                .body("earlierFromReporter", equalTo(1));
    }

    @Test
    void theCentreMergesOneOrKeepsThemApart() {
        String first = post("public_order", here, phone());
        String second = post("public_order", here, phone());
        String third = post("public_order", here, phone());

        given().contentType("application/json").body("{\"actor\": \"值班员\", \"other\": \"%s\"}".formatted(first))
                .post("/api/cases/" + second + "/actions/merge").then()
                .statusCode(200)
                .body("status", equalTo("archived"))
                .body("possibleDuplicates.find { it.code == '%s' }.decision".formatted(first), equalTo("merged"));
        given().contentType("application/json").body("{\"actor\": \"值班员\", \"other\": \"%s\"}".formatted(first))
                .post("/api/cases/" + third + "/actions/keep-separate").then()
                .statusCode(200)
                .body("status", equalTo("received"))
                .body("possibleDuplicates.find { it.code == '%s' }.decision".formatted(first), equalTo("kept"));
        String unrelated = post("consultation", elsewhere, phone());
        given().contentType("application/json").body("{\"actor\": \"值班员\", \"other\": \"%s\"}".formatted(unrelated))
                .post("/api/cases/" + first + "/actions/merge").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("other"));
        given().get("/api/cases/" + first).then().body("status", equalTo("received"));
    }
}
