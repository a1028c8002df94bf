package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a draft changes against its base version: grids added, removed and reshaped (kept in
 * draft_change for the difference layer of the tiles), and who would move (from the plan).
 */
public final class DraftChanges {

    /** Lists in the report are cut here; the counts are always whole. */
    static final int LISTED = 200;

    public record HouseholdFlow(String from, String to, int households) {}

    public record CaseFlow(String code, String from, String to, String unitFrom, String unitTo) {}

    /** How many grids changed so, and the first of their codes. */
    public record Changed(int count, List<String> codes) {}

    public record Summary(Changed added, Changed removed, Changed reshaped, int householdsMoving,
                   List<HouseholdFlow> households, int casesMoving, List<CaseFlow> cases) {}

    private DraftChanges() {}

    /**
     * Rewrites the draft's changed grids. A grid is reshaped when old and new differ by more than
     * {@code noiseM2} and the difference is wider than {@code reshapeToleranceM} somewhere (the
     * diameter of the largest circle inside it, in Web Mercator scaled to metres at its latitude).
     */
    static void write(Connection c, DraftTarget target, double noiseM2, double reshapeToleranceM) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM draft_change WHERE version_id = ?")) {
            clear.setInt(1, target.draft());
            clear.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO draft_change (version_id, code, change, geom)
                SELECT ?, coalesce(n.code, o.code),
                       CASE WHEN o.code IS NULL THEN 'added' WHEN n.code IS NULL THEN 'removed' ELSE 'reshaped' END,
                       CASE WHEN o.code IS NULL THEN n.geom WHEN n.code IS NULL THEN o.geom ELSE ST_CollectionExtract(ST_SymDifference(n.geom, o.geom), 3) END
                  FROM (SELECT code, geom, geom_3857 FROM grid WHERE version_id = ? AND level = ? AND code LIKE ?) n
                  FULL JOIN (SELECT code, geom, geom_3857 FROM grid WHERE version_id = ? AND level = ? AND code LIKE ?) o ON o.code = n.code
                 WHERE o.code IS NULL OR n.code IS NULL
                    OR (NOT ST_Equals(n.geom, o.geom) AND ST_Area(ST_SymDifference(n.geom, o.geom)::geography) > ?
                        AND 2 * (ST_MaximumInscribedCircle(ST_CollectionExtract(ST_SymDifference(n.geom_3857, o.geom_3857), 3))).radius
                              * cos(radians(ST_Y(ST_Centroid(o.geom)))) > ?)""")) {
            insert.setInt(1, target.draft());
            insert.setInt(2, target.draft());
            insert.setString(3, target.level().code());
            insert.setString(4, target.scopePattern());
            insert.setInt(5, target.baseVersion());
            insert.setString(6, target.level().code());
            insert.setString(7, target.scopePattern());
            insert.setDouble(8, noiseM2);
            insert.setDouble(9, reshapeToleranceM);
            insert.executeUpdate();
        }
        // Households are found through the changed areas next: the planner must know how few they are.
        c.createStatement().execute("ANALYZE draft_change");
    }

    static Summary summarise(Connection c, int draft, Reassignment.Plan plan) throws SQLException {
        var byChange = Map.of("added", new ArrayList<String>(), "removed", new ArrayList<String>(), "reshaped", new ArrayList<String>());
        try (PreparedStatement query = c.prepareStatement("SELECT code, change FROM draft_change WHERE version_id = ? ORDER BY code")) {
            query.setInt(1, draft);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) byChange.get(rs.getString("change")).add(rs.getString("code"));
            }
        }
        var flows = new TreeMap<String, HouseholdFlow>();
        for (Reassignment.HouseholdMove move : plan.households()) {
            flows.merge(move.from() + ">" + move.to(), new HouseholdFlow(move.from(), move.to(), 1),
                    (a, b) -> new HouseholdFlow(a.from(), a.to(), a.households() + 1));
        }
        List<HouseholdFlow> households = flows.values().stream()
                .sorted((a, b) -> Integer.compare(b.households(), a.households())).limit(LISTED).toList();
        List<CaseFlow> cases = plan.cases().stream().limit(LISTED)
                .map(m -> new CaseFlow(m.code(), m.finestFrom(), m.finestTo(), m.unitFrom(), m.unitTo())).toList();
        return new Summary(first(byChange.get("added")), first(byChange.get("removed")), first(byChange.get("reshaped")),
                plan.households().size(), households, plan.cases().size(), cases);
    }

    private static Changed first(List<String> codes) {
        return new Changed(codes.size(), List.copyOf(codes.subList(0, Math.min(LISTED, codes.size()))));
    }
}
