package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.open311.Open311Client.FORM;
import static org.gridcc.cases.open311.Open311Client.at;
import static org.gridcc.cases.open311.Open311Client.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * A NUL character (%00) in an Open311 form cannot be stored: 400 in Open311's own error list, naming
 * the form field, and no case is made.
 */
@QuarkusTest
class Open311BadBytesIT {

    @Inject
    DemoCounty county;

    private double[] inBaseGrid() {
        return county.pointIn(county.first(GridLevel.BASE));
    }

    private long cases() {
        return county.count("SELECT count(*) FROM \"case\"");
    }

    @Test
    void aNulInTheDescriptionIsA400NamingTheField() {
        long before = cases();
        post(at("neighbour_dispute", inBaseGrid()).formParam("description", "楼上\u0000漏水"), "json")
                .statusCode(400)
                .contentType("application/json")
                .body("size()", equalTo(1))
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("description: a NUL character"));
        post(at("neighbour_dispute", inBaseGrid()).formParam("last_name", "张\u0000"), "xml")
                .statusCode(400)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", containsString("last_name: a NUL character"));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aFormAsRawBytesWithPercent00IsRefusedToo() {
        long before = cases();
        double[] p = inBaseGrid();
        given().contentType(FORM).urlEncodingEnabled(false)
                .body("api_key=%s&service_code=neighbour_dispute&lat=%s&long=%s&description=a%%00b".formatted(Open311Client.KEY, p[1], p[0]))
                .post("/open311/v2/requests.json").then()
                .statusCode(400)
                .contentType("application/json")
                .body("[0].description", containsString("description: a NUL character"));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNulInTheApiKeyIsA400NotAServerError() {
        long before = cases();
        given().contentType(FORM).formParam("api_key", "open311-test-key\u0000").formParam("service_code", "neighbour_dispute")
                .post("/open311/v2/requests.json").then()
                .statusCode(400)
                .contentType("application/json")
                .body("[0].description", containsString("api_key: a NUL character"));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNulInAQueryOrPathParameterIsAnOpen311Error() {
        given().queryParam("service_code", "neighbour\u0000dispute").get("/open311/v2/requests.json").then()
                .statusCode(400)
                .contentType("application/json")
                .body("[0].description", containsString("service_code: a NUL character"));
        given().get("/open311/v2/requests/{id}.xml", "530324-20260101-000001\u0000").then()
                .statusCode(400)
                .contentType("text/xml")
                .body("errors.error.description", containsString("service_request_id: a NUL character"));
    }
}
