package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.gridcc.cases.Categories;
import org.junit.jupiter.api.Test;

/** Discovery, the service list and service definitions, in both formats, as the GeoReport v2 spec lays them out. */
@QuarkusTest
class Open311ServicesIT {

    @Test
    void discoveryNamesTheGeoReportV2EndpointAndItsFormats() {
        given().get("/open311/v2/discovery.json").then()
                .statusCode(200)
                .contentType("application/json")
                .body("changeset", startsWith("20"))
                .body("contact", containsString("command centre"))
                .body("key_service", containsString("key"))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", startsWith("https://"))
                .body("endpoints[0].url", containsString("/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", hasItems("text/xml", "application/json"));
        String xml = given().get("/open311/v2/discovery.xml").then()
                .statusCode(200)
                .contentType("text/xml")
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.formats.format", hasItems("text/xml", "application/json"))
                .body("discovery.key_service", containsString("key"))
                .extract().asString();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>");
    }

    @Test
    void theServicesAreTheCaseCategories() {
        int count = Categories.residentFacing().size();
        given().get("/open311/v2/services.json").then()
                .statusCode(200)
                .body("size()", equalTo(count))
                .body("service_code", hasItem("neighbour_dispute"))
                .body("find { it.service_code == 'neighbour_dispute' }.service_name", equalTo("邻里纠纷"))
                .body("find { it.service_code == 'neighbour_dispute' }.group", equalTo("司法局"))
                .body("metadata", everyItem(equalTo(true)))
                .body("type", everyItem(equalTo("realtime")))
                .body("[0].keySet()", hasItems("service_code", "service_name", "description", "metadata", "type", "keywords", "group"));
        given().get("/open311/v2/services.xml").then()
                .statusCode(200)
                .contentType("text/xml")
                .body("services.service.size()", equalTo(count))
                .body("services.service.find { it.service_code == 'land_dispute' }.service_name", equalTo("土地山林权属纠纷"))
                .body("services.service[0].metadata", equalTo("true"))
                .body("services.service[0].type", equalTo("realtime"));
    }

    @Test
    void aServiceDefinitionHasTheRiskAttributeAsASingleValueList() {
        given().get("/open311/v2/services/land_dispute.json").then()
                .statusCode(200)
                .body("service_code", equalTo("land_dispute"))
                .body("attributes[0].variable", equalTo(true))
                .body("attributes[0].code", equalTo("risk"))
                .body("attributes[0].datatype", equalTo("singlevaluelist"))
                .body("attributes[0].required", equalTo(false))
                .body("attributes[0].order", equalTo(1))
                .body("attributes[0].datatype_description", containsString("default medium"))
                .body("attributes[0].values.key", equalTo(List.of("low", "medium", "high")))
                .body("attributes[0].values[2].name", containsString("自然资源局"));
        XmlPath xml = given().get("/open311/v2/services/land_dispute.xml").then()
                .statusCode(200)
                .contentType("text/xml")
                .body("service_definition.service_code", equalTo("land_dispute"))
                .body("service_definition.attributes.attribute.code", equalTo("risk"))
                .extract().xmlPath();
        assertThat(xml.getList("service_definition.attributes.attribute.values.value.key")).containsExactly("low", "medium", "high");
    }

    @Test
    void anUnknownServiceIs404InOpen311sErrorFormatNotProblemJson() {
        given().get("/open311/v2/services/alien_invasion.json").then()
                .statusCode(404)
                .contentType("application/json")
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("alien_invasion"));
        given().get("/open311/v2/services/alien_invasion.xml").then()
                .statusCode(404)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("alien_invasion"));
    }

    @Test
    void anUnsupportedFormatIs404InXmlTheFormatEveryClientReads() {
        given().get("/open311/v2/services.html").then()
                .statusCode(404)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("\"html\""));
        given().get("/open311/v2/requests/530324-20260530-000001-3.yaml").then()
                .statusCode(404)
                .contentType("text/xml");
    }

    @Test
    void theRestOfTheApiKeepsProblemJson() {
        given().get("/api/grids/999999").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void discoveryPublishesTheConfiguredUrlNotTheRequestsHost() {
        String configured = "https://open311.gridcc.test/open311/v2"; // as the test profile sets it
        given().header("Host", "evil.example").get("/open311/v2/discovery.json").then()
                .statusCode(200)
                .body("endpoints[0].url", equalTo(configured));
        String xml = given().header("Host", "evil.example:8443").header("X-Forwarded-Host", "evil.example")
                .get("/open311/v2/discovery.xml").then()
                .statusCode(200)
                .body("discovery.endpoints.endpoint.url", equalTo(configured))
                .extract().asString();
        assertThat(xml).doesNotContain("evil.example");
    }

    @Test
    void anUnknownPathIs404InOpen311sFormatOfItsSuffixXmlByDefault() {
        given().get("/open311/v2/tokens/1.xml").then()
                .statusCode(404)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("Nothing is served at GET /open311/v2/tokens/1.xml"));
        given().get("/open311/v2/tokens/1.json").then()
                .statusCode(404)
                .contentType("application/json")
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("servicerequestupdates"));
        given().get("/open311/v2/requests/530324-20260530-000001-3/notes").then()
                .statusCode(404)
                .contentType("text/xml")
                .body("errors.error.code", equalTo("404"));
        given().get("/open311/v2").then()
                .statusCode(404)
                .contentType("text/xml");
    }

    @Test
    void aWrongMethodIs405InOpen311sFormatWithAllow() {
        given().delete("/open311/v2/requests.json").then()
                .statusCode(405)
                .contentType("application/json")
                .header("Allow", allOf(containsString("GET"), containsString("POST")))
                .body("[0].code", equalTo(405))
                .body("[0].description", containsString("DELETE is not allowed on /open311/v2/requests.json"));
        given().contentType("application/x-www-form-urlencoded").formParam("description", "x")
                .post("/open311/v2/servicerequestupdates.xml").then()
                .statusCode(405)
                .contentType("text/xml")
                .header("Allow", containsString("GET"))
                .body("errors.error.code", equalTo("405"));
        given().put("/open311/v2/services/land_dispute.xml").then()
                .statusCode(405)
                .contentType("text/xml")
                .header("Allow", allOf(containsString("GET"), not(containsString("PUT"))));
    }
}
