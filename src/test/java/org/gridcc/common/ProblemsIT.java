package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Every kind of bad request is answered as RFC 9457 problem+json that names what to fix. */
@QuarkusTest
class ProblemsIT {

    private static final String CALENDAR = "/api/calendar/2027";

    @Test
    void malformedJsonSaysWhereTheSyntaxBreaks() {
        problem(given().contentType("application/json").body("{\"year\": 2027, \"days\": [").put(CALENDAR), 400)
                .body("type", equalTo("urn:gridcc:problem:malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        problem(put("{\"days\":[{\"date\":\"2027-01-01\",\"kind\":\"off\"},{\"date\":\"2027-13-01\",\"kind\":\"off\"}]}"), 400)
                .body("type", equalTo("urn:gridcc:problem:invalid-input"))
                .body("errors[0].field", equalTo("days[1].date"))
                .body("errors[0].message", containsString("a date (yyyy-MM-dd)"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        problem(put("{\"days\":[{\"date\":\"2027-01-01\",\"kind\":\"holiday\"}]}"), 400)
                .body("errors[0].field", equalTo("days[0].kind"))
                .body("errors[0].message", containsString("[off, work]"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanDropped() {
        problem(put("{\"days\":[], \"dayz\":[]}"), 400)
                .body("errors[0].field", equalTo("dayz"))
                .body("errors[0].message", containsString("unknown field"));
    }

    @Test
    void failedValidationNamesEachBadField() {
        problem(put("{\"days\":[{\"kind\":\"off\"},{\"date\":\"2027-01-02\",\"note\":\"" + "长".repeat(41) + "\"}]}"), 400)
                .body("type", equalTo("urn:gridcc:problem:validation-failed"))
                .body("errors.field", equalTo(List.of("days[0].date", "days[1].kind", "days[1].note")))
                .body("errors[0].message", equalTo("give the date as yyyy-MM-dd"));
    }

    @Test
    void aMissingBodyIsAFieldErrorToo() {
        problem(given().contentType("application/json").put(CALENDAR), 400)
                .body("errors[0].message", equalTo("send the calendar as a JSON body"));
    }

    @Test
    void anOutOfRangePathParameterKeepsItsName() {
        problem(given().get("/api/calendar/1999"), 400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("year must be 2000 or later"));
    }

    @Test
    void aPathParameterThatIsNotANumberIsA404() {
        problem(given().get("/api/calendar/next"), 404);
    }

    @Test
    void anUnknownPathIsA404ThatPointsToTheApiDescription() {
        problem(given().get("/api/nothing-here"), 404)
                .body("type", equalTo("urn:gridcc:problem:not-found"))
                .body("detail", containsString("/q/openapi"))
                .body("instance", equalTo("/api/nothing-here"));
    }

    @Test
    void aWrongMethodIsA405ThatListsTheAllowedOnes() {
        problem(given().delete(CALENDAR), 405)
                .header("Allow", equalTo("GET, HEAD, PUT"))
                .body("detail", containsString("allowed: "));
    }

    @Test
    void anUnservableAcceptHeaderIsA406() {
        problem(given().accept("application/xml").get("/api/calendar/2026"), 406)
                .body("detail", containsString("application/json"));
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsA415() {
        problem(given().contentType("text/plain").body("2027-01-01 off").put(CALENDAR), 415)
                .body("detail", containsString("text/plain"));
    }

    @Test
    void aServerErrorHidesItsCauseAndGivesTheIdOfItsLogEntry() {
        var logged = new CopyOnWriteArrayList<LogRecord>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { logged.add(record); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger logger = Logger.getLogger(ProblemMapper.class.getName());
        logger.addHandler(capture);
        try {
            String body = problem(given().get("/test-support/fail"), 500)
                    .body("errorId", not(equalTo(null)))
                    .body(not(containsString("secret internal detail")))
                    .body(not(containsString("IllegalStateException")))
                    .body(not(containsString("at org.gridcc")))
                    .extract().asString();
            String id = io.restassured.path.json.JsonPath.from(body).getString("errorId");
            assertThat(body).contains("Quote error id " + id);
            assertThat(logged).anySatisfy(r -> {
                assertThat(r.getMessage() + Arrays.toString(r.getParameters())).contains(id);
                assertThat(r.getThrown()).hasMessageContaining("secret internal detail");
            });
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aRejectedCalendarChangesNothing() {
        String before = given().get("/api/calendar/2026").then().statusCode(200).extract().asString();
        problem(given().contentType("application/json")
                .body("{\"days\":[{\"date\":\"2026-10-01\",\"kind\":\"off\"},{\"date\":\"2026-10-01\",\"kind\":\"off\"}]}")
                .put("/api/calendar/2026"), 400)
                .body("errors.field", hasItem("days[1].date"));
        given().get("/api/calendar/2026").then().statusCode(200).body(equalTo(before));
    }

    private static io.restassured.response.Response put(String json) {
        return given().contentType("application/json").body(json).put(CALENDAR);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)));
    }
}
