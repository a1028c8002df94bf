package org.gridcc.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcc.cases.CaseRecord;
import org.gridcc.common.CopyIn;
import org.gridcc.grid.GridChain;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridLookup;
import org.gridcc.grid.GridRef;

/**
 * Who moves when a grid version is published: households whose finest grid changes, and open
 * cases whose grids change (with a new responsible unit where their village committee or
 * township office is no longer theirs). The same plan is shown in a draft's report and carried
 * out by the publish, so what GIS staff read is what happens. Closed cases keep the grids they
 * were handled in: statistics of past periods stay as they were counted.
 */
final class Reassignment {

    private static final GridLevel[] CASE_LEVELS = {GridLevel.COUNTY, GridLevel.TOWNSHIP, GridLevel.VILLAGE, GridLevel.GROUP, GridLevel.BASE};
    private static final ObjectMapper JSON = new ObjectMapper();

    record HouseholdMove(long id, String from, String to) {}

    /** A case's grid codes county..base before and after, and its unit before and after (the same when it stays). */
    record CaseMove(long id, String code, String[] from, String[] to, String unitFrom, String unitTo, Integer unitIdTo) {

        String finestFrom() {
            return finest(from);
        }

        String finestTo() {
            return finest(to);
        }

        private static String finest(String[] codes) {
            for (int i = codes.length - 1; i >= 0; i--) if (codes[i] != null) return codes[i];
            return null;
        }
    }

    record Plan(int version, List<HouseholdMove> households, List<CaseMove> cases) {}

    private record Unit(int id, String code) {}

    private Reassignment() {}

    /**
     * Plans the moves into the draft version {@code to}: only households in the areas its changes
     * cover can have another finest grid (the grids outside them are the same polygons).
     */
    static Plan planDraft(Connection c, GridLookup to) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("""
                SELECT DISTINCT h.id, ST_X(h.point) AS lon, ST_Y(h.point) AS lat, h.grid_code
                  FROM draft_change d JOIN household h ON ST_Intersects(d.geom, h.point)
                 WHERE d.version_id = ?""")) {
            query.setInt(1, to.version());
            return new Plan(to.version(), households(query, to), cases(c, to, false));
        }
    }

    /** Plans the moves into any version: every household is looked up. */
    static Plan planAll(Connection c, GridLookup to) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id, ST_X(point) AS lon, ST_Y(point) AS lat, grid_code FROM household")) {
            return new Plan(to.version(), households(query, to), cases(c, to, false));
        }
    }

    /** Plans the moves of open cases still placed in another version than {@code to}. */
    static Plan planStragglers(Connection c, GridLookup to) throws SQLException {
        return new Plan(to.version(), List.of(), cases(c, to, true));
    }

    /** The households the query reads (id, lon, lat, grid_code) whose finest grid in {@code to} is another. */
    private static List<HouseholdMove> households(PreparedStatement query, GridLookup to) throws SQLException {
        var moves = new ArrayList<HouseholdMove>();
        query.setFetchSize(10_000);
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String now = rs.getString("grid_code");
                String next = to.locate(rs.getDouble("lon"), rs.getDouble("lat")).map(chain -> chain.finest().code()).orElse(null);
                if (!Objects.equals(now, next)) moves.add(new HouseholdMove(rs.getLong("id"), now, next));
            }
        }
        return moves;
    }

    private static List<CaseMove> cases(Connection c, GridLookup to, boolean onlyStragglers) throws SQLException {
        Map<String, Unit> units = localUnits(c);
        var moves = new ArrayList<CaseMove>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT c.id, c.code, ST_X(c.point) AS lon, ST_Y(c.point) AS lat,
                       c.county_code, c.township_code, c.village_code, c.group_code, c.base_code, u.code AS unit_code, u.level AS unit_level
                  FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id
                 WHERE case_open(c.status) AND (NOT ? OR c.grid_version IS DISTINCT FROM ?)""")) {
            query.setBoolean(1, onlyStragglers);
            query.setInt(2, to.version());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String[] from = new String[CASE_LEVELS.length];
                    for (int i = 0; i < CASE_LEVELS.length; i++) from[i] = rs.getString(CASE_LEVELS[i].code() + "_code");
                    Object lon = rs.getObject("lon");
                    Optional<List<GridRef>> chain = lon == null ? Optional.empty()
                            : to.locate((Double) lon, rs.getDouble("lat")).map(GridChain::chain);
                    List<GridRef> next = chain.orElseGet(() -> nearestByCode(to, from));
                    if (next == null) continue;
                    String[] codes = new String[CASE_LEVELS.length];
                    for (int i = 0; i < CASE_LEVELS.length; i++) codes[i] = GridChain.codeAt(next, CASE_LEVELS[i]);
                    if (java.util.Arrays.equals(from, codes)) continue;
                    String unitCode = rs.getString("unit_code");
                    Unit unit = newUnit(units, unitCode, rs.getString("unit_level"), next);
                    moves.add(new CaseMove(rs.getLong("id"), rs.getString("code"), from, codes, unitCode,
                            unit == null ? unitCode : unit.code(), unit == null ? null : unit.id()));
                }
            }
        }
        return moves;
    }

    /** A case placed by code only (or now outside every grid): its finest grid, or the nearest ancestor the version still has. */
    private static List<GridRef> nearestByCode(GridLookup to, String[] from) {
        String code = CaseMove.finest(from);
        while (code != null && code.length() >= 6) {
            Optional<List<GridRef>> chain = to.chainOf(code);
            if (chain.isPresent()) return chain.get();
            code = code.substring(0, code.length() - 3);
        }
        return null;
    }

    /** Village committees and township offices serve their grid: a case that leaves it goes to the body of its new grid, if there is one. */
    private static Unit newUnit(Map<String, Unit> units, String unitCode, String unitLevel, List<GridRef> chain) {
        if (unitCode == null || !(unitLevel.equals("village") || unitLevel.equals("township"))) return null;
        String servedNow = GridChain.codeAt(chain, GridLevel.of(unitLevel).orElseThrow());
        if (unitCode.equals(servedNow)) return null;
        return units.get(servedNow);
    }

    private static Map<String, Unit> localUnits(Connection c) throws SQLException {
        var units = new HashMap<String, Unit>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, code FROM unit WHERE level IN ('village', 'township')")) {
            while (rs.next()) units.put(rs.getString("code"), new Unit(rs.getInt("id"), rs.getString("code")));
        }
        return units;
    }

    /** Carries out a plan in the caller's transaction: households by COPY and one join, each moved case with its GRID_CHANGED event. */
    static void apply(Connection c, Plan plan, String actor) throws SQLException {
        moveHouseholds(c, plan.households());
        CaseRecord.regrid(c, plan.cases().stream()
                .map(move -> new CaseRecord.Regrid(move.id(), move.to(), move.unitIdTo(), actor, payload(move, plan.version())))
                .toList(), plan.version());
    }

    private static void moveHouseholds(Connection c, List<HouseholdMove> moves) throws SQLException {
        if (moves.isEmpty()) return;
        c.createStatement().execute("CREATE TEMP TABLE household_move (id bigint PRIMARY KEY, grid_code text) ON COMMIT DROP");
        CopyIn.rows(c, "COPY household_move FROM STDIN", moves, m -> new Object[] {m.id(), m.to()});
        c.createStatement().executeUpdate("UPDATE household h SET grid_code = m.grid_code FROM household_move m WHERE h.id = m.id");
    }

    private static String payload(CaseMove move, int version) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("from", move.finestFrom());
        payload.put("to", move.finestTo());
        payload.put("gridVersion", version);
        if (!Objects.equals(move.unitFrom(), move.unitTo())) {
            payload.put("unitFrom", move.unitFrom());
            payload.put("unitTo", move.unitTo());
        }
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
