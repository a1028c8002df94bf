package org.gridcc.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The working-day calendar: 2026 is seeded from the State Council notice; years can be loaded. */
@QuarkusTest
class CalendarIT {

    @Test
    void the2026ScheduleIsSeeded() {
        given().get("/api/calendar/2026").then()
                .statusCode(200)
                .body("year", equalTo(2026))
                // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off and 6 swapped workdays
                .body("days.findAll { it.kind == 'off' }", hasSize(33))
                .body("days.findAll { it.kind == 'work' }.date",
                        contains("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"))
                .body("days.find { it.date == '2026-10-01' }.note", equalTo("国庆节"));
    }

    @Test
    void aYearThatIsNotLoadedSaysHowToLoadIt() {
        given().get("/api/calendar/2031").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("PUT /api/calendar/2031"));
    }

    @Test
    void aYearIsReplacedAsAWhole() {
        String first = "{\"days\":[{\"date\":\"2030-01-01\",\"kind\":\"off\",\"note\":\"元旦\"},"
                + "{\"date\":\"2030-01-02\",\"kind\":\"off\"}]}";
        given().contentType("application/json").body(first).put("/api/calendar/2030").then().statusCode(200);
        given().contentType("application/json").body("{\"days\":[{\"date\":\"2030-10-12\",\"kind\":\"work\"}]}")
                .put("/api/calendar/2030").then().statusCode(200);

        given().get("/api/calendar/2030").then()
                .statusCode(200)
                .body("days.date", contains("2030-10-12"));
    }

    @Test
    void onlyAWeekendDayCanBeASwappedWorkday() {
        given().contentType("application/json").body("{\"days\":[{\"date\":\"2030-10-14\",\"kind\":\"work\"}]}")
                .put("/api/calendar/2030").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("days[0].date"))
                .body("errors[0].message", containsString("MONDAY"));
    }

    @Test
    void theBodyMustBeForTheYearInThePath() {
        given().contentType("application/json").body("{\"year\":2029,\"days\":[{\"date\":\"2030-12-31\",\"kind\":\"off\"}]}")
                .put("/api/calendar/2030").then()
                .statusCode(400)
                .body("errors.field", contains("year"));
        given().contentType("application/json").body("{\"days\":[{\"date\":\"2029-12-31\",\"kind\":\"off\"}]}")
                .put("/api/calendar/2030").then()
                .statusCode(400)
                .body("errors[0].message", equalTo("2029-12-31 is not in 2030"));
    }
}
