package org.gridcc.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The in-process index answers exactly what PostGIS, the truth, answers. */
@QuarkusTest
class GridIndexIT {

    private static final int POINTS = 10_000;

    @Inject
    DataSource db;

    @Inject
    GridIndex index;

    @Inject
    DemoCounty county;

    @Test
    void tenThousandRandomPointsGetTheSameGridsAsFromPostgis() throws SQLException {
        String[] box = county.one("SELECT concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) FROM grid"
                + " WHERE level = 'county' AND version_id = ?", county.publishedVersion()).split(" ");
        double west = Double.parseDouble(box[0]), south = Double.parseDouble(box[1]);
        double east = Double.parseDouble(box[2]), north = Double.parseDouble(box[3]);
        var random = new Random(7);
        Double[] lons = new Double[POINTS], lats = new Double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            // A little beyond the county's box, so that some points are outside every grid.
            lons[i] = west - 0.02 + random.nextDouble() * (east - west + 0.04);
            lats[i] = south - 0.02 + random.nextDouble() * (north - south + 0.04);
        }

        List<String> truth = postgis(county.publishedVersion(), lons, lats);

        int inside = 0;
        for (int i = 0; i < POINTS; i++) {
            String answer = index.locate(lons[i], lats[i])
                    .map(chain -> chain.finest().code() + " " + chain.special().stream().map(GridRef::code).toList())
                    .orElse("none []");
            assertThat(answer).as("point %d at %s, %s", i, lons[i], lats[i]).isEqualTo(truth.get(i));
            if (!answer.startsWith("none")) inside++;
        }
        assertThat(inside).as("points inside the county").isBetween(POINTS / 4, POINTS - 1);
    }

    /** Per point: the finest geographic grid containing it and the special grids there, as PostGIS sees them. */
    private List<String> postgis(int version, Double[] lons, Double[] lats) throws SQLException {
        try (Connection c = db.getConnection(); var query = c.prepareStatement("""
                SELECT coalesce((SELECT code FROM grid g
                                  WHERE g.version_id = ? AND g.level <> 'special' AND ST_Intersects(g.geom, pt)
                                  ORDER BY array_position(ARRAY['base', 'group', 'village', 'township', 'county'], g.level), code
                                  LIMIT 1), 'none')
                       || ' [' || coalesce((SELECT string_agg(code, ', ' ORDER BY code) FROM grid s
                                             WHERE s.version_id = ? AND s.level = 'special' AND ST_Intersects(s.geom, pt)), '') || ']'
                  FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS p (lon, lat, i),
                       LATERAL (SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt) q
                 ORDER BY i""")) {
            query.setInt(1, version);
            query.setInt(2, version);
            query.setArray(3, c.createArrayOf("float8", lons));
            query.setArray(4, c.createArrayOf("float8", lats));
            try (var rs = query.executeQuery()) {
                var answers = new ArrayList<String>();
                while (rs.next()) answers.add(rs.getString(1));
                return answers;
            }
        }
    }
}
