package org.gridcc.grid.tiles;

import static org.gridcc.grid.tiles.TestTiles.decode;
import static org.gridcc.grid.tiles.TestTiles.path;
import static org.gridcc.grid.tiles.TestTiles.tileAt;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** The zoom-per-level table has one owner, GridLevel: /api/grids/levels serves it to the pages and the tiles carry each level from its tilesFrom zoom. */
@QuarkusTest
class GridLevelsIT {

    @Inject
    DemoCounty county;

    @Test
    void theLevelsAreServedToAnyoneInOrderWithTheirNamesZoomsAndCodeLengths() {
        JsonPath levels = TestUsers.anonymous().get("/api/grids/levels").then().statusCode(200).extract().jsonPath();
        assertThat(levels.getList("layer")).containsExactly("county", "township", "village", "group", "base", "special");
        assertThat(levels.getList("name")).containsExactly("县/区", "乡镇/街道", "村/社区", "村民小组", "网格", "专属网格");
        assertThat(levels.getList("min", Integer.class)).containsExactly(0, 6, 9, 12, 13, 14);
        assertThat(levels.getList("max", Integer.class)).containsExactly(6, 9, 12, 13, 24, 24);
        assertThat(levels.getList("tilesFrom", Integer.class)).containsExactly(0, 6, 8, 12, 13, 14);
        assertThat(levels.getList("codeLength", Integer.class)).containsExactly(6, 9, 12, 15, 18, 15);
        assertThat(levels.<String>getList("parent")).containsExactly(null, "county", "township", "village", "group", "village");
    }

    @Test
    void eachLevelIsInTheTilesFromTheZoomTheTableSays() throws IOException {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        List<Map<String, Object>> levels = given().get("/api/grids/levels").then().statusCode(200).extract().jsonPath().getList("$");
        for (var level : levels) {
            String layer = (String) level.get("layer");
            int min = (Integer) level.get("tilesFrom");
            if (layer.equals("special") || min == 0) continue; // special grids are not everywhere; the county is in every tile
            var at = decode(given().get(path(tileAt(min, p))).then().statusCode(200).extract().response()).getLayersByName().keySet();
            var before = decode(given().get(path(tileAt(min - 1, p))).then().statusCode(200).extract().response()).getLayersByName().keySet();
            assertThat(at).as(layer + " at z" + min).contains(layer);
            assertThat(before).as(layer + " at z" + (min - 1)).doesNotContain(layer);
        }
    }
}
