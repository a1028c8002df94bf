package org.gridcc.cases;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;

/** Cases for tests that need some: posted through the API, as a grid worker would. */
public final class TestCases {

    private TestCases() {}

    /** Posts a case at a point (optionally received earlier); its code. The reporter's name and phone are fixed. */
    public static String post(double[] at, String category, OffsetDateTime receivedAt) {
        return given().contentType("application/json").body("""
                        {"channel": "grid_worker", "category": "%s", "title": "漏水", "location": {"lon": %s, "lat": %s},
                         "reporter": {"name": "王五", "phone": "13900001111"} %s}"""
                        .formatted(category, at[0], at[1], receivedAt == null ? "" : ", \"receivedAt\": \"" + receivedAt + "\""))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }
}
