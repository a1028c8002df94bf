package org.gridcc.grid.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.locationtech.jts.geom.GeometryFactory;

/** Tiles for tests: the address of the tile at a point, and a decoded tile. */
public final class TestTiles {

    private TestTiles() {}

    public static int[] tileAt(int z, double[] lonLat) {
        double n = Math.pow(2, z);
        double lat = Math.toRadians(lonLat[1]);
        int x = (int) Math.floor((lonLat[0] + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return new int[] {z, x, y};
    }

    public static String path(int[] tile) {
        return "/tiles/grids/%d/%d/%d.mvt".formatted(tile[0], tile[1], tile[2]);
    }

    public static JtsMvt decode(Response response) throws IOException {
        return MvtReader.loadMvt(new ByteArrayInputStream(response.asByteArray()), new GeometryFactory(),
                new TagKeyValueMapConverter(false, "id"));
    }
}
