package org.gridcc.grid;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** Questions the tests ask PostGIS, the truth, about the demo county the test database holds. */
@ApplicationScoped
public class DemoCounty {

    private final DataSource db;

    public DemoCounty(DataSource db) {
        this.db = db;
    }

    public int publishedVersion() {
        return Integer.parseInt(one("SELECT id FROM grid_version WHERE status = 'published'"));
    }

    public String one(String sql, Object... args) {
        List<String> rows = list(sql, args);
        if (rows.isEmpty()) throw new IllegalStateException("no row for " + sql);
        return rows.get(0);
    }

    public List<String> list(String sql, Object... args) {
        try (Connection c = db.getConnection(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
            try (var rs = statement.executeQuery()) {
                var rows = new ArrayList<String>();
                while (rs.next()) rows.add(rs.getString(1));
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... args) {
        return Long.parseLong(one(sql, args));
    }

    /** A point well inside a grid: [lon, lat]. */
    public double[] pointIn(String code) {
        String[] xy = one("SELECT ST_X(p) || ' ' || ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM grid"
                + " WHERE code = ? AND version_id = (SELECT id FROM grid_version WHERE status = 'published')) s", code).split(" ");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    /** A grid of a level, the first by code. */
    public String first(GridLevel level) {
        return one("SELECT min(code) FROM grid WHERE level = ? AND version_id = (SELECT id FROM grid_version WHERE status = 'published')",
                level.code());
    }

    public void execute(String sql, Object... args) {
        try (Connection c = db.getConnection(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
