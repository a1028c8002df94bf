package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The answer to input the service refuses for one field, and a reading of what must stay unchanged. */
final class InvalidInput {

    private InvalidInput() {}

    /** A 400 invalid-input problem naming exactly this field, its message holding {@code says}. */
    static ValidatableResponse refused(Response response, String field, String says) {
        return response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:gridcc:problem:invalid-input"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(says));
    }

    /** A year's calendar as read (status and body), to compare before and after a refused change. */
    static String calendar(int year) {
        var answer = given().get("/api/calendar/{year}", year);
        return answer.statusCode() + " " + answer.asString();
    }
}
