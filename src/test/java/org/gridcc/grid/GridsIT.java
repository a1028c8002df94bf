package org.gridcc.grid;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid API over the demo county (罗平县) that the test database is filled with. */
@QuarkusTest
class GridsIT {

    @Inject
    DemoCounty county;

    @Test
    void labelsPlaceEachGridsNameInsideItWithTheRoomThereIs() {
        JsonPath villages = given().queryParam("level", "village").get("/api/grids/530324/labels")
                .then().statusCode(200).extract().jsonPath();
        assertThat(villages.getList("code")).hasSize((int) county.count(
                "SELECT count(*) FROM grid WHERE level = 'village' AND version_id = ?", county.publishedVersion()));
        String code = villages.getString("[0].code");
        assertThat(villages.getString("[0].name")).isEqualTo(county.one("SELECT name FROM grid WHERE code = ? AND version_id = ?",
                code, county.publishedVersion()));
        assertThat(villages.getDouble("[0].room")).isPositive();
        // The point is inside the village it names.
        given().queryParam("lon", villages.getDouble("[0].lon")).queryParam("lat", villages.getDouble("[0].lat")).get("/api/grids/at")
                .then().statusCode(200).body("chain.code", hasItem(code));
        given().queryParam("level", "township").get("/api/grids/" + code.substring(0, 9) + "/labels").then().statusCode(200)
                .body("code", equalTo(List.of(code.substring(0, 9))));
        given().queryParam("level", "base").get("/api/grids/530324/labels").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("level"));
    }

    @Test
    void aPointInsideGivesTheChainFromCountyToBaseGrid() {
        String base = county.first(GridLevel.BASE);
        double[] p = county.pointIn(base);

        JsonPath chain = given().queryParam("lon", p[0]).queryParam("lat", p[1]).get("/api/grids/at")
                .then().statusCode(200).extract().jsonPath();

        assertThat(chain.getList("chain.level")).containsExactly("county", "township", "village", "group", "base");
        List<String> codes = chain.getList("chain.code");
        assertThat(codes.get(0)).isEqualTo("530324");
        assertThat(codes.get(4)).isEqualTo(base);
        for (int i = 1; i < codes.size(); i++) assertThat(codes.get(i)).startsWith(codes.get(i - 1));
        assertThat(chain.getInt("gridVersion")).isEqualTo(county.publishedVersion());
    }

    @Test
    void specialGridsAtThePointAreListed() {
        String special = county.first(GridLevel.SPECIAL);
        double[] p = county.pointIn(special);

        given().queryParam("lon", p[0]).queryParam("lat", p[1]).get("/api/grids/at").then()
                .statusCode(200)
                .body("special.code", hasItem(special))
                .body("chain.find { it.level == 'village' }.code", equalTo(special.substring(0, 12)));
    }

    @Test
    void swappedLatitudeAndLongitudeAreCalledSwapped() {
        given().queryParam("lon", "24.9").queryParam("lat", "104.3").get("/api/grids/at").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("swapped"))
                .body("detail", containsString("lon=104.3&lat=24.9"))
                .body("errors.field", equalTo(List.of("lon", "lat")));
    }

    @Test
    void coordinatesThatAreNotNumbersAreNamed() {
        given().queryParam("lon", "east").queryParam("lat", "NaN").get("/api/grids/at").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lon"))
                .body("errors[0].message", containsString("\"east\" is not a number"))
                .body("errors[1].field", equalTo("lat"))
                .body("errors[1].message", containsString("NaN is not a coordinate"));
        given().queryParam("lon", "104.3").get("/api/grids/at").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lat"));
    }

    @Test
    void coordinatesOffTheEarthAreOutOfRange() {
        given().queryParam("lon", "104.3").queryParam("lat", "95").get("/api/grids/at").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lat"))
                .body("errors[0].message", containsString("between -90 and 90"));
    }

    @Test
    void aPointOutsideTheCountyNamesTheNearestGridAndItsDistance() {
        double east = Double.parseDouble(county.one("SELECT ST_XMax(geom) FROM grid WHERE level = 'county'"));
        double lat = county.pointIn("530324")[1];
        double lon = east + 0.2;
        long metres = Math.round(Double.parseDouble(county.one(
                "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM grid WHERE level = 'county'",
                lon, lat)));

        JsonPath problem = given().queryParam("lon", lon).queryParam("lat", lat).get("/api/grids/at").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("outside the jurisdiction"))
                .body("$", not(hasKey("extensions")))
                .extract().jsonPath();

        String nearest = problem.getString("nearest.code");
        assertThat(problem.getLong("nearest.distanceMetres")).isBetween(metres - 1, metres + 1);
        assertThat(problem.getString("nearest.level")).isIn("base", "group", "village");
        assertThat(problem.getString("detail")).contains(nearest).contains(problem.getString("nearest.name"));
    }

    @Test
    void aGridShowsItsParentHeadAndCounts() {
        String township = county.first(GridLevel.TOWNSHIP);
        long villages = county.count("SELECT count(*) FROM grid WHERE parent_code = ?", township);
        long households = county.count("SELECT count(*) FROM household WHERE grid_code LIKE ? || '%'", township);

        given().get("/api/grids/" + township).then()
                .statusCode(200)
                .body("level", equalTo("township"))
                .body("levelName", equalTo("乡镇/街道"))
                .body("parent.code", equalTo("530324"))
                .body("parent.name", equalTo("罗平县"))
                .body("head", not(equalTo(null)))
                .body("counts.children", equalTo((int) villages))
                .body("counts.households", equalTo((int) households))
                .body("bbox.size()", equalTo(4));
        assertThat(households).isPositive();
    }

    @Test
    void openCasesAreCountedInEveryGridOfTheirChain() {
        String base = county.first(GridLevel.BASE);
        String village = base.substring(0, 12);
        int before = given().get("/api/grids/" + village).then().statusCode(200).extract().path("counts.openCases");
        int beforeInBase = given().get("/api/grids/" + base).then().statusCode(200).extract().path("counts.openCases");
        county.execute("""
                INSERT INTO "case" (code, channel, category, risk, title, status, rule_set, received_at, county_code,
                                    township_code, village_code, base_code)
                VALUES ('GRIDS-IT-1', 'window', 'dispute', 'low', '邻里纠纷', 'received', 'luoping', now(), '530324', ?, ?, ?)""",
                base.substring(0, 9), village, base);
        try {
            given().get("/api/grids/" + village).then().body("counts.openCases", equalTo(before + 1));
            given().get("/api/grids/" + base).then().body("counts.openCases", equalTo(beforeInBase + 1));
        } finally {
            county.execute("DELETE FROM \"case\" WHERE code = 'GRIDS-IT-1'");
        }
    }

    @Test
    void anUnknownCodeIsA404AndAMalformedOneA400() {
        given().get("/api/grids/530324999").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No grid has code 530324999"));
        given().get("/api/grids/53a324").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().get("/api/grids/5303241/children").then().statusCode(400);
    }

    @Test
    void childrenAreOneLevelDownWithTheirHouseholds() {
        String village = county.one("SELECT min(parent_code) FROM grid WHERE level = 'special'");
        long groups = county.count("SELECT count(*) FROM grid WHERE parent_code = ? AND level = 'group'", village);
        long households = county.count("SELECT count(*) FROM household WHERE grid_code LIKE ? || '%'", village);

        JsonPath children = given().get("/api/grids/" + village + "/children").then().statusCode(200).extract().jsonPath();

        List<String> levels = children.getList("level");
        assertThat(levels).containsOnly("group", "special").contains("special");
        assertThat(levels.stream().filter("group"::equals).count()).isEqualTo(groups);
        long sum = children.getList("findAll { it.level == 'group' }.households", Integer.class).stream().mapToLong(i -> i).sum();
        assertThat(sum).isEqualTo(households);
        assertThat(children.getList("code", String.class)).allMatch(code -> code.startsWith(village));
    }

    @Test
    void theGeometryIsAGeoJsonFeature() {
        String village = county.first(GridLevel.VILLAGE);
        given().get("/api/grids/" + village + "/geometry").then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("Feature"))
                .body("id", equalTo(village))
                .body("properties.level", equalTo("village"))
                .body("geometry.type", equalTo("MultiPolygon"));
    }
}
