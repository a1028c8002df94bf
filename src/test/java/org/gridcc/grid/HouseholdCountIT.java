package org.gridcc.grid;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An officer draws a polygon on the map and asks how many households are in it. */
@QuarkusTest
class HouseholdCountIT {

    private static final String BOWTIE = "{\"type\":\"Polygon\",\"coordinates\":[[[104.1,24.9],[104.2,25.0],[104.2,24.9],[104.1,25.0],[104.1,24.9]]]}";

    @Inject
    DemoCounty county;

    @Test
    void theTotalAndTheCountPerGridAreWhatPostgisCounts() {
        String village = county.first(GridLevel.VILLAGE);
        String polygon = county.one("SELECT ST_AsGeoJSON(ST_Envelope(geom)) FROM grid WHERE code = ?", village);
        long expected = county.count("SELECT count(*) FROM household h, grid g WHERE g.code = ? AND ST_Intersects(h.point, ST_Envelope(g.geom))",
                village);

        JsonPath answer = given().contentType("application/geo+json").body(polygon).post("/api/households/count")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getLong("total")).isEqualTo(expected).isPositive();
        assertThat(answer.getList("grids.households", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
        assertThat(answer.getList("grids.level")).containsOnly("base");
        assertThat(answer.getList("grids.name")).doesNotContainNull();
        // Each grid with the village it lies in (grids are numbered anew in each village).
        String villageName = given().get("/api/grids/" + village).then().statusCode(200).extract().path("name");
        assertThat(answer.getList("grids.findAll { it.code.startsWith('" + village + "') }.village")).isNotEmpty().containsOnly(villageName);
    }

    @Test
    void aFeatureHoldingThePolygonIsTakenToo() {
        String village = county.first(GridLevel.VILLAGE);
        String polygon = county.one("SELECT ST_AsGeoJSON(ST_Envelope(geom)) FROM grid WHERE code = ?", village);
        String feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + polygon + "}";

        long fromGeometry = given().contentType("application/json").body(polygon).post("/api/households/count").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        given().contentType("application/json").body(feature).post("/api/households/count").then()
                .statusCode(200)
                .body("total", equalTo((int) fromGeometry));
    }

    @Test
    void aSelfIntersectingPolygonIsRefusedWithThePlace() {
        given().contentType("application/json").body(BOWTIE).post("/api/households/count").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Self-intersection"))
                .body("detail", containsString("104.150000, 24.950000"))
                .body("errors[0].field", equalTo("coordinates"));
    }

    @Test
    void onlyPolygonsCanBeCountedIn() {
        given().contentType("application/json").body("{\"type\":\"Point\",\"coordinates\":[104.3,24.9]}").post("/api/households/count")
                .then()
                .statusCode(400)
                .body("detail", containsString("this is a Point"))
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void swappedPositionsAreCalledSwapped() {
        String swapped = "{\"type\":\"Polygon\",\"coordinates\":[[[24.9,104.1],[24.9,104.2],[25.0,104.2],[24.9,104.1]]]}";
        given().contentType("application/json").body(swapped).post("/api/households/count").then()
                .statusCode(400)
                .body("detail", containsString("swapped"));
    }

    @Test
    void anOpenRingOrBrokenJsonSaysWhatIsWrong() {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[104.1,24.9],[104.2,24.9],[104.2,25.0],[104.1,25.0]]]}";
        given().contentType("application/json").body(open).post("/api/households/count").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("closed"));
        given().contentType("application/json").body("{\"type\":\"Polygon\",").post("/api/households/count").then()
                .statusCode(400)
                .body("type", equalTo("urn:gridcc:problem:malformed-json"));
        given().contentType("application/json").post("/api/households/count").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aWrongShapeNamesTheFieldAndNoJavaClass() {
        // A ring where a polygon's rings belong: the reader failed with "JSONArray cannot be cast ...".
        wrongShape("{\"type\":\"Polygon\",\"coordinates\":[[104.1,24.9],[104.2,24.9],[104.2,25.0],[104.1,24.9]]}",
                "coordinates[0][0]", "position [longitude, latitude]");
        wrongShape("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[1,2]]]}}",
                "geometry.coordinates[0][0][0]", "position [longitude, latitude]");
        wrongShape("{\"type\":\"Polygon\",\"coordinates\":[[[104.1,\"north\"],[104.2,24.9],[104.2,25.0],[104.1,24.9]]]}",
                "coordinates[0][0]", "position [longitude, latitude]");
        wrongShape("{\"type\":\"Polygon\",\"coordinates\":{}}", "coordinates", "array");
        wrongShape("[1,2]", "body", "JSON object");
    }

    private static void wrongShape(String body, String field, String says) {
        given().contentType("application/json").body(body).post("/api/households/count").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(says))
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("org.")));
    }
}
