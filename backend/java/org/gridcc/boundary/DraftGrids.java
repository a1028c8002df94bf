package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes the draft a whole grid version: every grid of its base version except those it
 * replaces, and its own features that passed their checks (head and workers carried over from
 * the grid of the same code, when the file names no head). Its tiles are then the preview.
 */
final class DraftGrids {

    private DraftGrids() {}

    static void write(Connection c, DraftTarget target, List<FeatureChecks.Passed> passed) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM grid WHERE version_id = ?")) {
            clear.setInt(1, target.draft());
            clear.executeUpdate();
        }
        try (PreparedStatement keep = c.prepareStatement("""
                INSERT INTO grid (version_id, code, level, parent_code, name, geom, head, workers)
                SELECT ?, code, level, parent_code, name, geom, head, workers
                  FROM grid
                 WHERE version_id = ? AND NOT (level = ? AND code LIKE ?)""")) {
            keep.setInt(1, target.draft());
            keep.setInt(2, target.baseVersion());
            keep.setString(3, target.level().code());
            keep.setString(4, target.scopePattern());
            keep.executeUpdate();
        }
        try (PreparedStatement add = c.prepareStatement("""
                INSERT INTO grid (version_id, code, level, parent_code, name, geom, head, workers)
                SELECT f.version_id, f.code, ?, p.parent, f.name, ST_Multi(f.geom), coalesce(f.head, old.head), coalesce(old.workers, 0)
                  FROM draft_feature f
                  JOIN unnest(?::int[], ?::text[]) AS p (position, parent) ON p.position = f.position
                  LEFT JOIN grid old ON old.version_id = ? AND old.code = f.code
                 WHERE f.version_id = ?""")) {
            add.setString(1, target.level().code());
            add.setArray(2, c.createArrayOf("int4", passed.stream().map(FeatureChecks.Passed::position).toArray()));
            add.setArray(3, c.createArrayOf("text", passed.stream().map(FeatureChecks.Passed::parent).toArray()));
            add.setInt(4, target.baseVersion());
            add.setInt(5, target.draft());
            add.executeUpdate();
        }
        // The planner must know the draft's rows, or it joins thousands of grids by nested loops in the checks that follow.
        c.createStatement().execute("ANALYZE grid");
    }
}
