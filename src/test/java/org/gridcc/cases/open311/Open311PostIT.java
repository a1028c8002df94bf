package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.cases.open311.Open311Client.FORM;
import static org.gridcc.cases.open311.Open311Client.at;
import static org.gridcc.cases.open311.Open311Client.created;
import static org.gridcc.cases.open311.Open311Client.form;
import static org.gridcc.cases.open311.Open311Client.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** POST requests: an Open311 form becomes a case of channel open311, located, routed and timed by the case intake. */
@QuarkusTest
class Open311PostIT {

    @Inject
    DemoCounty county;

    private double[] inBaseGrid() {
        return county.pointIn(county.first(GridLevel.BASE));
    }

    @Test
    void aRequestBecomesACaseAndTheAnswerIsAListOfOne() {
        post(at("neighbour_dispute", inBaseGrid()).formParam("description", "楼上漏水到我家，已经三天了"), "json")
                .statusCode(201)
                .header("Location", matchesPattern("/open311/v2/requests/530324-\\d{8}-\\d{6}-[0-9X]\\.json"))
                .contentType("application/json")
                .body("size()", equalTo(1))
                .body("[0].service_request_id", matchesPattern("530324-\\d{8}-\\d{6}-[0-9X]"))
                .body("[0].service_notice", matchesPattern("由.*委员会（演示）办理，预计.*前办结。"))
                .body("[0].keySet()", hasItem("account_id"))
                .body("[0].account_id", equalTo(null));
        String code = post(at("neighbour_dispute", inBaseGrid()), "xml")
                .statusCode(201)
                .contentType("text/xml")
                .body("service_requests.request.service_notice", containsString("办理"))
                .body("service_requests.request.account_id", equalTo(""))
                .extract().path("service_requests.request.service_request_id");

        given().get("/api/cases/" + code).then()
                .statusCode(200)
                .body("channel", equalTo("open311"))
                .body("category.code", equalTo("neighbour_dispute"))
                .body("risk", equalTo("low"))
                .body("unit.level", equalTo("village"))
                .body("title", equalTo("邻里纠纷"));
    }

    @Test
    void attributeRiskHighRoutesTheCaseToTheCountyDepartment() {
        String code = created(at("land_dispute", inBaseGrid()).formParam("attribute[risk]", "high")
                .formParam("description", "村民小组之间为山林界线争执，双方已聚集数十人，随时可能发生冲突，请尽快处置"));

        given().get("/api/cases/" + code).then()
                .body("risk", equalTo("high"))
                .body("unit.level", equalTo("county"))
                .body("unit.name", equalTo("罗平县自然资源局"))
                .body("title", equalTo("土地山林权属纠纷：村民小组之间为山林界线争执，双方已聚集数十人，随时可能发生冲…"));
        assertThat(created(at("land_dispute", inBaseGrid()).formParam("attribute[risk][]", "low"))).isNotBlank();
    }

    @Test
    void theLocationMayBeAGridCodeAsAddressId() {
        String base = county.first(GridLevel.BASE);
        String code = created(form("urban_management").formParam("address_id", base).formParam("address_string", "路灯不亮的那条巷子"));

        given().get("/api/cases/" + code).then()
                .body("grids.code", hasItem(base))
                .body("location", equalTo(null))
                .body("description", equalTo("地址：路灯不亮的那条巷子"));
    }

    @Test
    void theReporterIsKeptWithTheCaseFamilyNameFirst() {
        String code = created(at("consultation", inBaseGrid()).formParam("first_name", "三").formParam("last_name", "张")
                .formParam("phone", "13812341234").formParam("email", "zhang@example.cn")
                .formParam("media_url", "https://example.cn/photo/1.jpg").formParam("description", "低保怎么申请"));

        given().get("/api/cases/" + code + "?unmasked=true").then()
                .body("reporter.name", equalTo("张三"))
                .body("reporter.phone", equalTo("13812341234"))
                .body("description", equalTo("低保怎么申请\n附件：https://example.cn/photo/1.jpg"));
    }

    @Test
    void anOpen311ClientsTokenIsItsApiKeyUntilRevoked() {
        var client = TestUsers.tokenUser("open311");
        double[] p = inBaseGrid();
        given().contentType(FORM).formParam("api_key", client.token()).formParam("service_code", "neighbour_dispute")
                .formParam("lat", p[1]).formParam("long", p[0]).post("/open311/v2/requests.json").then().statusCode(201);
        String id = given().get("/api/users/{u}/tokens", client.username()).then().extract().path("[0].id");
        given().delete("/api/users/{u}/tokens/{id}", client.username(), id).then().statusCode(204);
        given().contentType(FORM).formParam("api_key", client.token()).formParam("service_code", "neighbour_dispute")
                .formParam("lat", p[1]).formParam("long", p[0]).post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].description", containsString("api_key is not valid"));
        // Another role's token is no api_key.
        var wall = TestUsers.tokenUser("wall");
        given().contentType(FORM).formParam("api_key", wall.token()).formParam("service_code", "neighbour_dispute")
                .formParam("lat", p[1]).formParam("long", p[0]).post("/open311/v2/requests.json").then().statusCode(403);
    }

    @Test
    void withoutAValidApiKeyIs403() {
        double[] p = inBaseGrid();
        given().contentType(FORM).formParam("service_code", "neighbour_dispute").formParam("lat", p[1]).formParam("long", p[0])
                .post("/open311/v2/requests.json").then()
                .statusCode(403)
                .contentType("application/json")
                .body("[0].code", equalTo(403))
                .body("[0].description", containsString("api_key is missing"));
        given().contentType(FORM).formParam("api_key", "guessed").formParam("service_code", "neighbour_dispute")
                .post("/open311/v2/requests.xml").then()
                .statusCode(403)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("403"))
                .body("errors.error.description", containsString("api_key is not valid"));
    }

    @Test
    void aMissingServiceCodeIs400WithAnOpen311ErrorList() {
        given().contentType(FORM).formParam("api_key", Open311Client.KEY).formParam("lat", 24.9).formParam("long", 104.3)
                .post("/open311/v2/requests.xml").then()
                .statusCode(400)
                .contentType("text/xml")
                .body("errors.error.size()", equalTo(1))
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", containsString("service_code"));
        given().contentType(FORM).formParam("api_key", Open311Client.KEY).post("/open311/v2/requests.json").then()
                .statusCode(400)
                .contentType("application/json")
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("service_code"));
    }

    @Test
    void aBodyThatIsNotAWellFormedFormIs400InOpen311sFormat() {
        given().contentType("application/json").body("{\"service_code\": \"neighbour_dispute\"}").post("/open311/v2/requests.json").then()
                .statusCode(400)
                .contentType("application/json")
                .body("[0].description", containsString("form-encoded"));
        given().contentType(FORM).body("api_key=%zz&service_code=neighbour_dispute").post("/open311/v2/requests.xml").then()
                .statusCode(400)
                .contentType("text/xml")
                .body("errors.error.description", containsString("cannot be decoded"));
    }

    @Test
    void anUnknownServiceIs404() {
        post(at("alien_invasion", inBaseGrid()), "json").statusCode(404)
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("alien_invasion"));
    }

    @Test
    void badFieldsAre400NamedAsTheClientSentThem() {
        double[] p = inBaseGrid();
        post(at("neighbour_dispute", p).formParam("attribute[risk]", "extreme"), "json").statusCode(400)
                .body("[0].description", containsString("attribute[risk]: \"extreme\" is not one of [low, medium, high]"));
        post(at("neighbour_dispute", p).formParam("attribute[risk][]", "low").formParam("attribute[risk][]", "high"), "json")
                .statusCode(400).body("[0].description", containsString("singlevaluelist"));
        post(at("neighbour_dispute", p).formParam("attribute[colour]", "red"), "json").statusCode(400)
                .body("[0].description", containsString("no attribute colour"));
        post(form("neighbour_dispute"), "json").statusCode(400)
                .body("[0].description", containsString("give the location"));
        post(form("neighbour_dispute").formParam("address_string", "县城东门"), "json").statusCode(400)
                .body("[0].description", containsString("address_string cannot be located"));
        post(form("neighbour_dispute").formParam("lat", p[1]), "json").statusCode(400)
                .body("[0].description", equalTo("long: lat and long are sent together"));
        post(form("neighbour_dispute").formParam("lat", "north").formParam("long", p[0]), "json").statusCode(400)
                .body("[0].description", containsString("lat: \"north\" is not a number"));
        post(at("neighbour_dispute", p).formParam("phone", "call me"), "json").statusCode(400)
                .body("[0].description", equalTo("phone: a phone number has 5 to 20 digits"));
        post(at("neighbour_dispute", p).formParam("media_url", "photo.jpg"), "json").statusCode(400)
                .body("[0].description", containsString("media_url"));
        post(at("neighbour_dispute", p).formParam("description", "长".repeat(4001)), "json").statusCode(400)
                .body("[0].description", containsString("description: keep it under 4,000 characters"));
        post(form("neighbour_dispute").formParam("address_id", "530324999999999999"), "xml").statusCode(400)
                .body("errors.error.description", containsString("address_id"));
    }

    @Test
    void aPointOutsideTheJurisdictionIs400SayingWhichGridIsNearest() {
        double east = Double.parseDouble(county.one("SELECT ST_XMax(geom) FROM grid WHERE level = 'county'"));
        long before = county.count("SELECT count(*) FROM \"case\"");

        post(at("neighbour_dispute", new double[] {east + 0.1, county.pointIn("530324")[1]}), "json")
                .statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("outside the jurisdiction"));
        assertThat(county.count("SELECT count(*) FROM \"case\"")).isEqualTo(before);
    }
}
