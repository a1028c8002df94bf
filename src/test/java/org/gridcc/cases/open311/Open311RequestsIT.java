package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.open311.Open311Client.at;
import static org.gridcc.cases.open311.Open311Client.created;
import static org.gridcc.cases.open311.Open311Client.form;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.gridcc.access.TestUsers;
import org.gridcc.cases.CaseCode;
import org.gridcc.cases.TestCases;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** GET requests: cases as Open311 service requests, one or filtered, without the reporter's personal data. */
@QuarkusTest
class Open311RequestsIT {

    private static final String W3 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Inject
    DemoCounty county;

    private String newRequest(String serviceCode) {
        return created(at(serviceCode, county.pointIn(county.first(GridLevel.BASE)))
                .formParam("description", "小区门口垃圾堆积").formParam("first_name", "三").formParam("last_name", "张")
                .formParam("phone", "13812341234").formParam("email", "zhang@example.cn")
                .formParam("media_url", "https://example.cn/photo/2.jpg"));
    }

    @Test
    void theCreatedRequestIsReadableAsXmlWithStatusOpen() {
        String code = newRequest("urban_management");
        double[] p = county.pointIn(county.first(GridLevel.BASE));

        given().get("/open311/v2/requests/" + code + ".xml").then()
                .statusCode(200)
                .contentType("text/xml")
                .body("service_requests.request.size()", equalTo(1))
                .body("service_requests.request.service_request_id", equalTo(code))
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.status_notes", equalTo("已登记（received）"))
                .body("service_requests.request.service_code", equalTo("urban_management"))
                .body("service_requests.request.service_name", equalTo("市政与城市管理"))
                .body("service_requests.request.agency_responsible", containsString("委员会"))
                .body("service_requests.request.requested_datetime", matchesPattern(W3))
                .body("service_requests.request.updated_datetime", matchesPattern(W3))
                .body("service_requests.request.expected_datetime", matchesPattern(W3))
                .body("service_requests.request.address_id", equalTo(county.first(GridLevel.BASE)))
                .body("service_requests.request.address", containsString("罗平县"))
                .body("service_requests.request.zipcode", equalTo(""))
                .body("service_requests.request.lat.toDouble()", equalTo(p[1]))
                .body("service_requests.request.long.toDouble()", equalTo(p[0]))
                .body("service_requests.request.media_url", equalTo("https://example.cn/photo/2.jpg"));
    }

    @Test
    void oneRequestAsJsonIsAListOfOneInTheSpecsFieldOrderWithoutPersonalData() {
        String code = newRequest("urban_management");

        String body = given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + code + ".json").then()
                .statusCode(200)
                .contentType("application/json")
                .body("size()", equalTo(1))
                .body("[0].service_request_id", equalTo(code))
                .body("[0].description", containsString("小区门口垃圾堆积"))
                .body("[0].service_notice", containsString("预计"))
                .body("[0].lat", notNullValue())
                .body("[0].long", notNullValue())
                .extract().asString();
        assertThat(body)
                .contains("\"service_request_id\":\"" + code + "\",\"status\":\"open\",\"status_notes\"")
                .doesNotContain("张").doesNotContain("13812341234").doesNotContain("zhang@example.cn");
    }

    @Test
    void anUnknownOrMistypedRequestIs404() {
        String code = newRequest("urban_management");
        int at = code.length() - 3;
        char digit = code.charAt(at);
        String typo = code.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + code.substring(at + 1);

        given().get("/open311/v2/requests/" + typo + ".json").then()
                .statusCode(404)
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("check character"));
        String unknown = new CaseCode("530324", LocalDate.of(2020, 1, 1), 999_999).text();
        given().get("/open311/v2/requests/" + unknown + ".xml").then()
                .statusCode(404)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", equalTo("No request has service_request_id %s.".formatted(unknown)));
    }

    @Test
    void requestsAreFilteredByServiceCode() {
        String consultation = newRequest("consultation");
        String other = newRequest("urban_management");

        given().queryParam("service_code", "consultation").get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("service_request_id", hasItem(consultation))
                .body("service_request_id", not(hasItem(other)))
                .body("service_code", everyItem(equalTo("consultation")));
        XmlPath both = given().queryParam("service_code", "consultation,urban_management").get("/open311/v2/requests.xml").then()
                .statusCode(200).extract().xmlPath();
        assertThat(both.getList("service_requests.request.service_request_id", String.class)).contains(consultation, other);
        given().queryParam("service_code", "alien_invasion").get("/open311/v2/requests.json").then()
                .statusCode(400)
                .body("[0].description", containsString("alien_invasion"));
    }

    @Test
    void aRejectedCaseIsClosedAndTheStatusFilterTellsThemApart() {
        String open = newRequest("social_assistance");
        String closed = newRequest("social_assistance");
        given().contentType("application/json").body("{\"actor\": \"值班员李明\", \"reason\": \"重复反映\"}")
                .post("/api/cases/" + closed + "/actions/reject").then().statusCode(200);

        given().queryParam("service_code", "social_assistance").queryParam("status", "closed").get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("service_request_id", hasItem(closed))
                .body("service_request_id", not(hasItem(open)))
                .body("status", everyItem(equalTo("closed")))
                .body("find { it.service_request_id == '%s' }.status_notes".formatted(closed), equalTo("不予受理（rejected）"));
        XmlPath opened = given().queryParam("service_code", "social_assistance").queryParam("status", "open")
                .get("/open311/v2/requests.xml").then().statusCode(200).extract().xmlPath();
        assertThat(opened.getList("service_requests.request.service_request_id", String.class)).contains(open).doesNotContain(closed);
        given().queryParam("status", "open,closed").queryParam("service_code", "social_assistance").get("/open311/v2/requests.json")
                .then().body("service_request_id", hasItems(open, closed));
        given().queryParam("status", "pending").get("/open311/v2/requests.json").then()
                .statusCode(400)
                .body("[0].description", containsString("status"));
    }

    @Test
    void severalIdsOverrideTheOtherFilters() {
        String a = newRequest("consultation");
        String b = newRequest("urban_management");

        given().queryParam("service_request_id", a + "," + b).queryParam("service_code", "petition").get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("service_request_id", hasItems(a, b));
    }

    @Test
    void theDateRangeIsW3DatetimesOfAtMost90Days() {
        String code = newRequest("consultation");

        given().queryParam("start_date", "2020-01-01T00:00:00Z").queryParam("end_date", "2020-03-01T00:00:00+08:00")
                .get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("service_request_id", not(hasItem(code)));
        given().queryParam("start_date", "2020-01-01T00:00:00Z").queryParam("end_date", "2020-06-01T00:00:00Z")
                .get("/open311/v2/requests.json").then()
                .statusCode(400)
                .body("[0].description", containsString("90 days"));
        given().queryParam("start_date", "yesterday").get("/open311/v2/requests.xml").then()
                .statusCode(400)
                .contentType("text/xml")
                .body("errors.error.description", containsString("start_date"));
    }

    @Test
    void aPublicReadCarriesNoTextOnlyTheClientThatPostedTheRequestReadsIt() {
        String code = newRequest("urban_management");
        var otherClient = TestUsers.tokenUser("open311");

        given().get("/open311/v2/requests/" + code + ".json").then()
                .statusCode(200)
                .body("[0].service_request_id", equalTo(code))
                .body("[0].status", equalTo("open"))
                .body("[0].keySet()", hasItem("description"))
                .body("[0].description", nullValue());
        String publicXml = given().get("/open311/v2/requests/" + code + ".xml").then()
                .statusCode(200)
                .body("service_requests.request.description", equalTo(""))
                .extract().asString();
        assertThat(publicXml).doesNotContain("小区门口垃圾堆积");
        given().queryParam("service_code", "urban_management").get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("find { it.service_request_id == '%s' }.description".formatted(code), nullValue())
                .body("description", everyItem(nullValue()));
        given().queryParam("api_key", otherClient.token()).get("/open311/v2/requests/" + code + ".json").then()
                .statusCode(200)
                .body("[0].description", nullValue());

        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + code + ".json").then()
                .statusCode(200)
                .body("[0].description", containsString("小区门口垃圾堆积"));
        given().queryParam("api_key", Open311Client.KEY).queryParam("service_request_id", code).get("/open311/v2/requests.xml").then()
                .statusCode(200)
                .body("service_requests.request.description", containsString("小区门口垃圾堆积"));
    }

    @Test
    void aClientUserReadsTheTextOfWhatItPostedWithAnyOfItsTokens() {
        var client = TestUsers.tokenUser("open311");
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        String code = created(Open311Client.form(client.token(), "consultation").formParam("lat", p[1]).formParam("long", p[0])
                .formParam("description", "低保怎么申请"));
        String secondToken = given().contentType("application/json").body("{\"label\": \"second\"}")
                .post("/api/users/{u}/tokens", client.username()).then().statusCode(201).extract().path("token");

        given().queryParam("api_key", client.token()).get("/open311/v2/requests/" + code + ".json").then()
                .body("[0].description", equalTo("低保怎么申请"));
        given().queryParam("api_key", secondToken).queryParam("service_code", "consultation").get("/open311/v2/requests.json").then()
                .body("find { it.service_request_id == '%s' }.description".formatted(code), equalTo("低保怎么申请"));
        // The configured key is another client.
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + code + ".json").then()
                .body("[0].description", nullValue());
    }

    @Test
    void aReadWithAKeyThatIsNotValidIs403() {
        given().queryParam("api_key", "guessed").get("/open311/v2/requests.json").then()
                .statusCode(403)
                .contentType("application/json")
                .body("[0].code", equalTo(403))
                .body("[0].description", containsString("api_key is not valid"));
        given().queryParam("api_key", "guessed").get("/open311/v2/requests/" + newRequest("consultation") + ".xml").then()
                .statusCode(403)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("403"));
    }

    @Test
    void petitionsAndConfidentialCasesAreNeverListedNotEvenToTheClientThatPostedThem() {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        String petition = created(at("petition", p).formParam("description", "反映征地补偿问题"));
        String underPetitionRules = given().contentType("application/json").body("""
                        {"channel": "window", "category": "land_dispute", "title": "信访件", "ruleSet": "xinfang",
                         "location": {"lon": %s, "lat": %s}}""".formatted(p[0], p[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
        String confidential = TestCases.post(p, "report_official", null);
        String listed = newRequest("consultation");

        for (String hidden : List.of(petition, underPetitionRules, confidential)) {
            given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + hidden + ".json").then()
                    .statusCode(404)
                    .body("[0].description", equalTo("No request has service_request_id %s.".formatted(hidden)));
            given().get("/open311/v2/requests/" + hidden + ".xml").then().statusCode(404);
        }
        given().queryParam("api_key", Open311Client.KEY).queryParam("service_request_id", String.join(",", petition, underPetitionRules,
                        confidential, listed))
                .get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("service_request_id", equalTo(List.of(listed)));
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests.json").then()
                .statusCode(200)
                .body("service_request_id", hasItem(listed))
                .body("service_request_id", not(hasItem(petition)))
                .body("service_request_id", not(hasItem(underPetitionRules)))
                .body("service_request_id", not(hasItem(confidential)))
                .body("service_code", not(hasItem("petition")));
    }

    @Test
    void aRequestLocatedByAGridCodeIsPlacedAtTheGridsRepresentativePoint() {
        String grid = county.first(GridLevel.BASE);
        String code = created(form("urban_management").formParam("address_id", grid));
        double[] inside = county.pointIn(grid);

        JsonPath json = JsonPath.from(given().get("/open311/v2/requests/" + code + ".json").then()
                        .statusCode(200)
                        .body("[0].address_id", equalTo(grid))
                        .extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(json.getDouble("[0].long")).isEqualTo(inside[0]);
        assertThat(json.getDouble("[0].lat")).isEqualTo(inside[1]);
        assertThat(county.one("SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))::text FROM grid WHERE code = ? AND version_id = ?",
                json.getDouble("[0].long"), json.getDouble("[0].lat"), grid, county.publishedVersion())).isEqualTo("true");
        given().get("/open311/v2/requests/" + code + ".xml").then()
                .body("service_requests.request.lat.toDouble()", equalTo(inside[1]))
                .body("service_requests.request.long.toDouble()", equalTo(inside[0]));
    }
}
