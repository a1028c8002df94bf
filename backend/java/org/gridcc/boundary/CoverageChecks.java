package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridcc.grid.GridLevel;

/**
 * How the draft's grids fit together, checked by PostGIS on the draft version: overlaps between
 * grids of the level, gaps inside their parents, parts outside the parent (also of the grids
 * below that the draft keeps), grids left without a parent, and slivers. Areas are on the
 * spheroid (square metres); pieces below the noise are the float dust of shared edges.
 */
final class CoverageChecks {

    /** Pairs with a grid in scope, each pair once. */
    private static final String OVERLAPS = """
            SELECT a.code, b.code AS other, ST_Area(x.i::geography) AS m2, ST_X(x.p) AS lon, ST_Y(x.p) AS lat,
                   ST_AsGeoJSON(x.i, 7) AS shape
              FROM grid a
              JOIN grid b ON b.version_id = a.version_id AND b.level = a.level AND b.code <> a.code AND a.geom && b.geom
             CROSS JOIN LATERAL (SELECT i, ST_PointOnSurface(i) AS p
                                   FROM (SELECT ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS i) y) x
             WHERE a.version_id = ? AND a.level = ? AND a.code LIKE ? AND (b.code NOT LIKE ? OR a.code < b.code)
               AND ST_Relate(a.geom, b.geom, '2********')""";

    /** Parents that have children of the level in the draft or had them before: the rest never had any to cover them. */
    private static final String GAPS = """
            SELECT p.code, NULL AS other, ST_Area(g.geom::geography) AS m2,
                   ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat, ST_AsGeoJSON(g.geom, 7) AS shape
              FROM grid p
             CROSS JOIN LATERAL (SELECT ST_Union(c.geom) AS children
                                   FROM grid c WHERE c.version_id = p.version_id AND c.level = ? AND c.parent_code = p.code) u
             CROSS JOIN LATERAL ST_Dump(CASE WHEN u.children IS NULL THEN p.geom ELSE ST_Difference(p.geom, u.children) END) g
             WHERE p.version_id = ? AND p.level = ? AND p.code LIKE ?
               AND (u.children IS NOT NULL
                    OR EXISTS (SELECT 1 FROM grid o WHERE o.version_id = ? AND o.level = ? AND o.parent_code = p.code))""";

    private static final String OUTSIDE_PARENT = """
            SELECT c.code, p.code AS other, ST_Area(g.geom::geography) AS m2,
                   ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat, ST_AsGeoJSON(g.geom, 7) AS shape
              FROM grid c
              JOIN grid p ON p.version_id = c.version_id AND p.code = c.parent_code
             CROSS JOIN LATERAL ST_Dump(ST_Difference(c.geom, p.geom)) g
             WHERE c.version_id = ? AND c.level = ANY (?) AND c.code LIKE ? AND NOT ST_CoveredBy(c.geom, p.geom)""";

    private static final String ORPHANS = """
            SELECT c.parent_code, count(*) AS n, min(c.code) AS first, min(c.level) AS level
              FROM grid c
             WHERE c.version_id = ? AND c.level = ANY (?) AND c.code LIKE ?
               AND NOT EXISTS (SELECT 1 FROM grid p WHERE p.version_id = c.version_id AND p.code = c.parent_code)
             GROUP BY c.parent_code ORDER BY c.parent_code""";

    private static final String SLIVERS = """
            SELECT c.code, NULL AS other, ST_Area(g.geom::geography) AS m2,
                   ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat, ST_AsGeoJSON(g.geom, 7) AS shape
              FROM grid c
             CROSS JOIN LATERAL ST_Dump(c.geom) g
             WHERE c.version_id = ? AND c.level = ? AND c.code LIKE ? AND ST_Area(g.geom::geography) < ?""";

    private record Piece(String code, String other, double m2, double lon, double lat, String shape) {}

    private final BoundaryConfig config;

    CoverageChecks(BoundaryConfig config) {
        this.config = config;
    }

    /** positionOf: the file position of each grid the draft brings, to point the GIS page at the feature. */
    List<DraftProblem> run(Connection c, DraftTarget target, Map<String, Integer> positionOf) throws SQLException {
        var problems = new ArrayList<DraftProblem>();
        String level = target.level().code();
        String[] levelAndBelow = levels(target.level(), true);
        if (target.level() != GridLevel.SPECIAL) {
            for (Piece p : pieces(c, OVERLAPS, target.draft(), level, target.scopePattern(), target.scopePattern())) {
                bySize(problems, p, "overlap", positionOf, "%s and %s overlap by %.1f m² near %.6f, %.6f.");
            }
            for (Piece p : pieces(c, GAPS, level, target.draft(), target.parentLevel().code(), target.scopePattern(),
                    target.baseVersion(), level)) {
                bySize(problems, p, "gap", positionOf, "%s has a gap%s of %.1f m² near %.6f, %.6f that none of its grids covers.");
            }
        }
        for (Piece p : pieces(c, OUTSIDE_PARENT, target.draft(), levelAndBelow, target.scopePattern())) {
            bySize(problems, p, "outside-parent", positionOf, "%s reaches outside its parent %s by %.1f m² near %.6f, %.6f.");
        }
        orphans(c, target, problems);
        for (Piece p : pieces(c, SLIVERS, target.draft(), level, target.scopePattern(), config.sliverM2())) {
            problems.add(DraftProblem.warning("sliver", positionOf.get(p.code()), p.code(),
                    "%s has a part of only %.1f m² near %.6f, %.6f: a sliver left by digitising?".formatted(p.code(), p.m2(), p.lon(), p.lat()))
                    .at(p.lon(), p.lat()).area(p.m2()).shape(p.shape()));
        }
        return problems;
    }

    /** Above the tolerance an error; between noise and tolerance a warning; below the noise nothing. */
    private void bySize(List<DraftProblem> problems, Piece p, String check, Map<String, Integer> positionOf, String message) {
        if (p.m2() <= config.noiseM2()) return;
        String text = message.formatted(p.code(), p.other() == null ? "" : p.other(), p.m2(), p.lon(), p.lat());
        DraftProblem problem = p.m2() > config.toleranceM2()
                ? DraftProblem.error(check, positionOf.get(p.code()), p.code(), text)
                : DraftProblem.warning("small-" + check, positionOf.get(p.code()), p.code(),
                        text + " (below the tolerance of %.0f m²)".formatted(config.toleranceM2()));
        problems.add(problem.at(p.lon(), p.lat()).area(p.m2()).other(p.other()).shape(p.shape()));
    }

    private static void orphans(Connection c, DraftTarget target, List<DraftProblem> problems) throws SQLException {
        String[] below = levels(target.level(), false);
        if (below.length == 0) return;
        try (PreparedStatement query = c.prepareStatement(ORPHANS)) {
            query.setInt(1, target.draft());
            query.setArray(2, c.createArrayOf("text", below));
            query.setString(3, target.scopePattern());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    problems.add(DraftProblem.error("orphaned-grids", null, rs.getString("parent_code"),
                            "%d %s grid(s) (first %s) sit in %s, which this file no longer has: give it back or redraw them."
                                    .formatted(rs.getInt("n"), rs.getString("level"), rs.getString("first"), rs.getString("parent_code")))
                            .other(rs.getString("first")));
                }
            }
        }
    }

    private static String[] levels(GridLevel level, boolean withItself) {
        var levels = new ArrayList<String>();
        if (withItself) levels.add(level.code());
        level.children().forEach(child -> levels.add(child.code()));
        return levels.toArray(String[]::new);
    }

    private static List<Piece> pieces(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] texts) {
                    query.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    query.setObject(i + 1, p);
                }
            }
            var pieces = new ArrayList<Piece>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pieces.add(new Piece(rs.getString("code"), rs.getString("other"), rs.getDouble("m2"), rs.getDouble("lon"), rs.getDouble("lat"),
                            rs.getString("shape")));
                }
            }
            return pieces;
        }
    }
}
