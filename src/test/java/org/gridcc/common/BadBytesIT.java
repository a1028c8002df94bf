package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cannot store a NUL character in text: wherever one comes in (a JSON string, a query
 * or path parameter), the request is a 400 naming the field, not a 500 at the insert, and nothing
 * is stored. Nor half a UTF-16 pair, which only a JSON escape can send.
 */
@QuarkusTest
class BadBytesIT {

    /** A JSON string escape for NUL, as a client would send it: the body holds a backslash, u and 0000. */
    private static final String NUL = "\\u0000";

    @Inject
    DemoCounty county;

    private String newCase(String title, String reporterName) {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        return """
                {"channel": "hotline_12345", "category": "neighbour_dispute", "title": "%s", "description": "邻居家漏水到我家",
                 "location": {"lon": %s, "lat": %s}, "reporter": {"name": "%s", "phone": "13812341234"}}"""
                .formatted(title, p[0], p[1], reporterName);
    }

    private long cases() {
        return county.count("SELECT count(*) FROM \"case\"");
    }

    @Test
    void aNulInATopLevelStringOfACaseIsA400NamingTheField() {
        long before = cases();
        nul(given().contentType("application/json").body(newCase("楼上" + NUL + "漏水", "张三")).post("/api/cases"), "title");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNulInANestedStringNamesItsPath() {
        long before = cases();
        nul(given().contentType("application/json").body(newCase("楼上漏水", "张" + NUL + "三")).post("/api/cases"), "reporter.name");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNulInAStringOfAListNamesItsIndex() {
        // A year not loaded yet is a 404: whatever it is, it is the same after the refused change.
        String before = InvalidInput.calendar(2031);
        nul(given().contentType("application/json")
                .body("{\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"off\",\"note\":\"元旦\"},"
                        + "{\"date\":\"2031-01-02\",\"kind\":\"off\",\"note\":\"元" + NUL + "旦\"}]}")
                .put("/api/calendar/2031"), "days[1].note");
        assertThat(InvalidInput.calendar(2031)).isEqualTo(before);
    }

    @Test
    void aNulInTheReasonOfACaseActionChangesNothing() {
        String code = given().contentType("application/json").body(newCase("楼上漏水", "张三")).post("/api/cases")
                .then().statusCode(201).extract().path("code");
        nul(given().contentType("application/json").body("{\"reason\": \"督" + NUL + "办\"}")
                .post("/api/cases/{code}/actions/supervise", code), "reason");
        given().get("/api/cases/{code}", code).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("history.size()", equalTo(1));
    }

    @Test
    void aNulInSignInOrAUsersFieldsIsA400() {
        nul(TestUsers.anonymous().contentType("application/json")
                .body("{\"username\": \"admin" + NUL + "\", \"password\": \"x\"}").post("/api/session"), "username");
        long users = county.count("SELECT count(*) FROM app_user");
        nul(given().contentType("application/json")
                .body("{\"username\": \"nul-user\", \"displayName\": \"张" + NUL + "\", \"role\": \"gis\", \"password\": \"test-pass-2026\"}")
                .post("/api/users"), "displayName");
        assertThat(county.count("SELECT count(*) FROM app_user")).isEqualTo(users);
        long tokens = county.count("SELECT count(*) FROM access_token");
        nul(given().contentType("application/json").body("{\"label\": \"大屏" + NUL + "\"}").post("/api/users/admin/tokens"), "label");
        assertThat(county.count("SELECT count(*) FROM access_token")).isEqualTo(tokens);
    }

    @Test
    void aLoneSurrogateInAJsonStringIsA400NotAQuestionMark() {
        long before = cases();
        // Half of a UTF-16 pair, as JSON's escape sends it: the driver's UTF-8 encoder stored it as "?".
        InvalidInput.refused(given().contentType("application/json").body(newCase("楼上\\ud800漏水", "张三")).post("/api/cases"),
                "title", "lone surrogate");
        InvalidInput.refused(given().contentType("application/json").body(newCase("楼上漏水", "张\\udc00三")).post("/api/cases"),
                "reporter.name", "lone surrogate");
        assertThat(cases()).isEqualTo(before);
        // A whole pair (U+1F600 as two escapes) is a character and is kept as it was sent.
        String code = given().contentType("application/json").body(newCase("楼上漏水\\ud83d\\ude00", "张三")).post("/api/cases")
                .then().statusCode(201).extract().path("code");
        assertThat(county.one("SELECT title FROM \"case\" WHERE code = ?", code)).isEqualTo("楼上漏水\uD83D\uDE00");
    }

    @Test
    void aRawNulByteInAJsonStringIsMalformedJson() {
        long before = cases();
        given().contentType("application/json").body(newCase("楼上\u0000漏水", "张三")).post("/api/cases").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcc:problem:malformed-json"));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNulInAQueryParameterIsA400NamingTheParameter() {
        nul(given().queryParam("category", "neighbour\u0000dispute").get("/api/cases"), "category");
        nul(given().queryParam("grid", "530324\u0000").get("/api/cases"), "grid");
        nul(given().queryParam("actor", "admin\u0000").get("/api/audit"), "actor");
        nul(given().queryParam("action", "POST\u0000*").get("/api/audit"), "action");
    }

    @Test
    void aNulInAPathParameterIsA400NamingTheParameter() {
        nul(given().get("/api/cases/{code}", "530324-20260101-000001\u0000"), "code");
        nul(given().get("/api/grids/{code}", "530324\u0000"), "code");
        nul(given().get("/api/users/{username}/tokens", "admin\u0000"), "username");
        long tokens = county.count("SELECT count(*) FROM access_token");
        nul(given().contentType("application/json").body(Map.of("label", "大屏")).post("/api/users/{username}/tokens", "admin\u0000"),
                "username");
        assertThat(county.count("SELECT count(*) FROM access_token")).isEqualTo(tokens);
        // The refused change still reaches the audit trail, its NUL written %00.
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE action = 'POST /api/users/admin%00/tokens' AND outcome = 'refused'"))
                .isEqualTo(1);
    }

    @Test
    void aNulThatNoCheckNamesIsStillA400NotAServerError() {
        // A multipart form field (here a boundary upload's label) is not JSON, nor a query or path parameter:
        // the database refuses it, and that refusal is answered as the client's fault.
        long versions = county.count("SELECT count(*) FROM grid_version");
        given().multiPart("file", "grids.geojson", "{}".getBytes(), "application/octet-stream")
                .multiPart("level", "base").multiPart("label", "新\u0000网格").post("/api/boundaries/drafts").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcc:problem:invalid-input"))
                .body("detail", containsString("NUL character"))
                .body("errorId", equalTo(null));
        assertThat(county.count("SELECT count(*) FROM grid_version")).isEqualTo(versions);
    }

    private static ValidatableResponse nul(Response response, String field) {
        return InvalidInput.refused(response, field, "NUL character").body("detail", not(containsString("\u0000")));
    }
}
