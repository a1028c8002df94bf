package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** A field given twice in a JSON body is refused, naming it, rather than the last one silently winning. */
@QuarkusTest
class DuplicateFieldsIT {

    @Inject
    DemoCounty county;

    private String newCase(String extra, String reporter) {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        return """
                {"channel": "hotline_12345", "category": "neighbour_dispute", "title": "楼上漏水", %s "description": "邻居家漏水到我家",
                 "location": {"lon": %s, "lat": %s}, "reporter": %s}"""
                .formatted(extra, p[0], p[1], reporter);
    }

    private long cases() {
        return county.count("SELECT count(*) FROM \"case\"");
    }

    @Test
    void aTopLevelFieldGivenTwiceIsA400NamingIt() {
        long before = cases();
        duplicate(post(newCase("\"title\": \"别的标题\",", "{\"name\": \"张三\"}")), "title");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aNestedFieldGivenTwiceNamesItsPath() {
        long before = cases();
        duplicate(post(newCase("", "{\"name\": \"张三\", \"phone\": \"13812341234\", \"name\": \"李四\"}")), "reporter.name");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aFieldGivenTwiceInAListItemNamesItsIndex() {
        // A year not loaded yet is a 404: whatever it is, it is the same after the refused change.
        String before = InvalidInput.calendar(2032);
        duplicate(given().contentType("application/json")
                .body("{\"days\":[{\"date\":\"2032-01-01\",\"kind\":\"off\"},{\"date\":\"2032-01-02\",\"kind\":\"off\",\"kind\":\"work\"}]}")
                .put("/api/calendar/2032"), "days[1].kind");
        assertThat(InvalidInput.calendar(2032)).isEqualTo(before);
    }

    @Test
    void theSameNameInDifferentObjectsIsNoDuplicate() {
        given().contentType("application/json")
                .body("{\"days\":[{\"date\":\"2033-01-01\",\"kind\":\"off\"},{\"date\":\"2033-01-02\",\"kind\":\"off\"}]}")
                .put("/api/calendar/2033").then().statusCode(200);
    }

    @Test
    void everyJsonEndpointRefusesDuplicates() {
        duplicate(TestUsers.anonymous().contentType("application/json")
                .body("{\"username\": \"someone\", \"username\": \"admin\", \"password\": \"x\"}").post("/api/session"), "username");
        long tokens = county.count("SELECT count(*) FROM access_token");
        duplicate(given().contentType("application/json").body("{\"label\": \"大屏\", \"days\": 1, \"days\": 3000}")
                .post("/api/users/admin/tokens"), "days");
        assertThat(county.count("SELECT count(*) FROM access_token")).isEqualTo(tokens);
    }

    private static Response post(String body) {
        return given().contentType("application/json").body(body).post("/api/cases");
    }

    private static ValidatableResponse duplicate(Response response, String field) {
        return InvalidInput.refused(response, field, "more than once");
    }
}
