package org.gridcc.grid.tiles;

import static org.gridcc.grid.tiles.TestTiles.decode;
import static org.gridcc.grid.tiles.TestTiles.path;
import static org.gridcc.grid.tiles.TestTiles.tileAt;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** Vector tiles of the demo county, decoded as a map client would. */
@QuarkusTest
class TilesIT {

    @Inject
    DemoCounty county;

    @Test
    void aCountyTileHasALayerPerVisibleLevelWithGridIdsAndProperties() throws IOException {
        int[] tile = tileHoldingTheWholeCounty();

        JtsMvt mvt = decode(given().get("/tiles/grids/%d/%d/%d.mvt".formatted(tile[0], tile[1], tile[2])).then()
                .statusCode(200)
                .contentType(TileResource.MEDIA_TYPE)
                .extract().response());

        assertThat(mvt.getLayersByName().keySet()).containsExactlyInAnyOrder("county", "township");
        assertThat(ids(mvt.getLayer("township"))).isEqualTo(new TreeSet<>(county.list(
                "SELECT id FROM grid WHERE level = 'township' AND version_id = ?", county.publishedVersion())));
        Map<?, ?> one = (Map<?, ?>) mvt.getLayer("county").getGeometries().iterator().next().getUserData();
        assertThat(one.get("code")).isEqualTo("530324");
        assertThat(one.get("name")).isEqualTo("罗平县");
        assertThat(one.get("level")).isEqualTo("county");
    }

    @Test
    void deeperZoomsAddTheFinerLevels() throws IOException {
        String base = county.first(GridLevel.BASE);
        double[] p = county.pointIn(base);
        int[] z13 = tileAt(13, p);

        JtsMvt mvt = decode(given().get("/tiles/grids/%d/%d/%d.mvt".formatted(z13[0], z13[1], z13[2])).then()
                .statusCode(200).extract().response());

        assertThat(mvt.getLayersByName().keySet()).contains("county", "township", "village", "group", "base");
        String baseId = county.one("SELECT id FROM grid WHERE code = ? AND version_id = ?", base, county.publishedVersion());
        assertThat(ids(mvt.getLayer("base"))).contains(baseId);
    }

    @Test
    void householdsArePointsWithoutPersonalDataFromZoom15() throws IOException {
        String household = county.one("SELECT min(code) FROM household");
        double[] p = {Double.parseDouble(county.one("SELECT ST_X(point) FROM household WHERE code = ?", household)),
                Double.parseDouble(county.one("SELECT ST_Y(point) FROM household WHERE code = ?", household))};

        JtsMvt z15 = decode(given().get(path(tileAt(15, p))).then().statusCode(200).extract().response());
        JtsMvt z14 = decode(given().get(path(tileAt(14, p))).then().statusCode(200).extract().response());

        JtsLayer households = z15.getLayer("households");
        assertThat(households.getGeometries()).isNotEmpty().allMatch(g -> g.getGeometryType().equals("Point"));
        assertThat(households.getGeometries()).allSatisfy(g -> assertThat(((Map<?, ?>) g.getUserData()).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("id", "grid"));
        assertThat(z14.getLayersByName()).doesNotContainKey("households");
    }

    @Test
    void aTileHasAStrongEtagAndARepeatedRequestGets304() {
        int[] tile = tileHoldingTheWholeCounty();
        Response first = given().get(path(tile));
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"v" + county.publishedVersion() + "-").endsWith("\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");

        given().header("If-None-Match", etag).get(path(tile)).then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        given().header("If-None-Match", "\"something-else\"").get(path(tile)).then().statusCode(200);
    }

    @Test
    void aNamedVersionIsImmutable() {
        int[] tile = tileHoldingTheWholeCounty();
        given().queryParam("v", county.publishedVersion()).get(path(tile)).then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=31536000, immutable"));
        given().queryParam("v", 999).get(path(tile)).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no grid version 999"));
    }

    @Test
    void anEmptyTileIsA204() {
        given().get("/tiles/grids/10/0/0.mvt").then().statusCode(204).body(emptyString());
    }

    @Test
    void outOfRangeOrNonNumericAddressesAre400() {
        given().get("/tiles/grids/23/0/0.mvt").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("z"));
        given().get("/tiles/grids/3/8/0.mvt").then().statusCode(400)
                .body("errors[0].field", equalTo("x"))
                .body("errors[0].message", containsString("0 to 7"));
        given().get("/tiles/grids/3/0/-1.mvt").then().statusCode(400).body("errors[0].field", equalTo("y"));
        given().get("/tiles/grids/three/0/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("z"));
    }

    @Test
    void tilesAreServedFromMemoryOnceMade() {
        int[] tile = tileAt(12, county.pointIn(county.first(GridLevel.VILLAGE)));
        double hitsBefore = cacheHits();
        given().get(path(tile)).then().statusCode(200);
        given().get(path(tile)).then().statusCode(200);
        assertThat(cacheHits()).isGreaterThanOrEqualTo(hitsBefore + 1);
    }

    private static double cacheHits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"grid-tiles\"") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The deepest tile that holds the whole county (both corners of its box). */
    private int[] tileHoldingTheWholeCounty() {
        String[] box = county.one("SELECT concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) FROM grid"
                + " WHERE level = 'county' AND version_id = ?", county.publishedVersion()).split(" ");
        double[] southWest = {Double.parseDouble(box[0]), Double.parseDouble(box[1])};
        double[] northEast = {Double.parseDouble(box[2]), Double.parseDouble(box[3])};
        for (int z = 8; z >= 0; z--) {
            int[] a = tileAt(z, southWest), b = tileAt(z, northEast);
            if (a[1] == b[1] && a[2] == b[2]) {
                assertThat(z).as("zoom of the county tile").isBetween(6, 8);
                return a;
            }
        }
        throw new AssertionError("no tile holds the county");
    }

    private static Set<String> ids(JtsLayer layer) {
        return layer.getGeometries().stream()
                .map(g -> String.valueOf(((Map<?, ?>) g.getUserData()).get("id")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
