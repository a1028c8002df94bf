package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.gridcc.boundary.DraftProblem.Repair;
import org.gridcc.grid.GridCode;

/**
 * The checks of one feature on its own: geometry (present, polygonal, valid, with a make-valid
 * repair offered when it changes the area little), code (form, level, scope, unique), name and
 * parent. Features that pass become grids of the draft version.
 */
final class FeatureChecks {

    /** Geometry facts come from PostGIS: validity with reason and place, and what make-valid would change. */
    private static final String FEATURES = """
            SELECT f.position, f.code, f.name, f.parent_code, f.repaired_m2,
                   f.geom IS NULL OR ST_IsEmpty(f.geom) AS empty, GeometryType(f.geom) AS type,
                   v.valid, v.reason, ST_X(v.location) AS lon, ST_Y(v.location) AS lat,
                   r.change_m2, r.change_pct
              FROM draft_feature f
              LEFT JOIN LATERAL (SELECT (d).valid, (d).reason, (d).location
                                   FROM (SELECT ST_IsValidDetail(f.geom) AS d) x
                                  WHERE NOT ST_IsEmpty(f.geom) AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')) v ON true
              LEFT JOIN LATERAL (SELECT abs(ST_Area(m::geography) - ST_Area(f.geom::geography)) AS change_m2,
                                        100 * abs(ST_Area(m) - ST_Area(f.geom)) / nullif(ST_Area(m), 0) AS change_pct
                                   FROM (SELECT ST_CollectionExtract(ST_MakeValid(f.geom), 3) AS m) x
                                  WHERE NOT v.valid AND NOT ST_IsEmpty(m)) r ON true
             WHERE f.version_id = ?
             ORDER BY f.position""";

    /** A feature that becomes a grid of the draft. */
    record Passed(int position, String code, String parent) {}

    /** levelFromCodes: the level most codes are of, when they are of one. */
    record Result(int features, List<DraftProblem> problems, List<Passed> passed, Optional<LevelSuggestion> levelFromCodes) {

        /** The file position of each grid the draft brings. */
        Map<String, Integer> positionOf() {
            var positions = new HashMap<String, Integer>();
            passed.forEach(p -> positions.put(p.code(), p.position()));
            return positions;
        }
    }

    private record Row(int position, String code, String name, String givenParent, Double repairedM2, boolean empty, String type,
                       Boolean valid, String reason, Double lon, Double lat, Double changeM2, Double changePct) {}

    private final double repairMaxChangePercent;

    FeatureChecks(double repairMaxChangePercent) {
        this.repairMaxChangePercent = repairMaxChangePercent;
    }

    Result run(Connection c, DraftTarget target) throws SQLException {
        Set<String> parents = parentCodes(c, target);
        var problems = new ArrayList<DraftProblem>();
        var passed = new ArrayList<Passed>();
        var firstWithCode = new HashMap<String, Integer>();
        List<Row> rows = rows(c, target.draft());
        Optional<LevelSuggestion> levelFromCodes = LevelSuggestion.of(rows.stream().map(Row::code).toList());
        // A file of another level than chosen: one finding that says so, not one per feature.
        Optional<LevelSuggestion> otherLevel = levelFromCodes.filter(s -> s.level() != target.level() && s.isMostOf());
        otherLevel.ifPresent(s -> problems.add(DraftProblem.error("level-mismatch", null, null,
                "%d of the %d codes have %d digits, the codes of %s grids; this draft replaces %s grids (%d digits). Upload the file again at level %s."
                        .formatted(s.matching(), s.codes(), s.digits(), s.level().code(), target.level().code(), target.level().codeLength(),
                                s.level().code()))));
        int toldDigits = otherLevel.map(LevelSuggestion::digits).orElse(-1);
        for (Row row : rows) {
            int before = problems.size();
            geometry(row, problems);
            boolean told = row.code() != null && row.code().length() == toldDigits;
            String parent = told ? null : code(row, target, parents, firstWithCode, problems);
            if (row.name() == null) {
                problems.add(DraftProblem.error("missing-name", row.position(), row.code(),
                        "Feature %d has no name; every grid is shown by its name.".formatted(row.position())));
            }
            if (!told && problems.subList(before, problems.size()).stream().noneMatch(DraftProblem::isError)) {
                passed.add(new Passed(row.position(), row.code(), parent));
            }
        }
        return new Result(rows.size(), problems, passed, levelFromCodes);
    }

    private void geometry(Row row, List<DraftProblem> problems) {
        int at = row.position();
        if (row.empty()) {
            problems.add(DraftProblem.error("no-geometry", at, row.code(), "Feature %d has no geometry.".formatted(at)));
        } else if (!row.type().equals("POLYGON") && !row.type().equals("MULTIPOLYGON")) {
            problems.add(DraftProblem.error("not-polygon", at, row.code(),
                    "Feature %d is a %s; a grid is a polygon.".formatted(at, row.type())));
        } else if (!row.valid()) {
            var problem = DraftProblem.error("invalid-geometry", at, row.code(),
                    "Feature %d is not a valid polygon: %s near %.6f, %.6f.%s".formatted(at, row.reason(), row.lon(), row.lat(),
                            repairNote(row))).at(row.lon(), row.lat());
            problems.add(offersRepair(row) ? problem.repair(new Repair(round(row.changeM2()), round(row.changePct()))) : problem);
        } else if (row.repairedM2() != null) {
            problems.add(DraftProblem.warning("repaired", at, row.code(),
                    "Feature %d was repaired by make-valid, which changed its area by %.1f m².".formatted(at, row.repairedM2())));
        }
    }

    private boolean offersRepair(Row row) {
        return row.changePct() != null && row.changePct() <= repairMaxChangePercent;
    }

    private String repairNote(Row row) {
        if (row.changePct() == null) return " make-valid leaves no polygon: fix it in the GIS.";
        if (offersRepair(row)) {
            return " make-valid would change its area by %.1f m² (%.3f%%): apply the repairs to accept it.".formatted(row.changeM2(), row.changePct());
        }
        return " make-valid would change its area by %.1f%% (more than %.1f%%): fix it in the GIS.".formatted(row.changePct(), repairMaxChangePercent);
    }

    /** Checks the code; answers the parent code the grid gets. */
    private static String code(Row row, DraftTarget target, Set<String> parents, Map<String, Integer> firstWithCode,
                               List<DraftProblem> problems) {
        int at = row.position();
        String code = row.code();
        int length = target.level().codeLength();
        if (code == null) {
            problems.add(DraftProblem.error("missing-code", at, null, "Feature %d has no code.".formatted(at)));
            return null;
        }
        if (!GridCode.isCode(code)) {
            problems.add(DraftProblem.error("bad-code", at, code,
                    "Feature %d: \"%s\" is not a grid code (the 6-digit county code, then groups of 3 digits).".formatted(at, code)));
            return null;
        }
        if (code.length() != length) {
            problems.add(DraftProblem.error("wrong-level", at, code, "Feature %d: %s has %d digits; a %s grid's code has %d."
                    .formatted(at, code, code.length(), target.level().code(), length)));
            return null;
        }
        if (!code.startsWith(target.scope())) {
            problems.add(DraftProblem.error("outside-scope", at, code,
                    "Feature %d: %s is not under %s, the grid this file replaces the %s grids of."
                            .formatted(at, code, target.scope(), target.level().code())));
        }
        Integer first = firstWithCode.putIfAbsent(code, at);
        if (first != null) {
            problems.add(DraftProblem.error("duplicate-code", at, code,
                    "Feature %d has code %s, as feature %d has.".formatted(at, code, first)));
        }
        String parent = code.substring(0, code.length() - 3);
        if (row.givenParent() != null && !row.givenParent().equals(parent)) {
            problems.add(DraftProblem.error("parent-mismatch", at, code,
                    "Feature %d: code %s does not start with its parent's code %s.".formatted(at, code, row.givenParent())).other(row.givenParent()));
        } else if (!parents.contains(parent)) {
            problems.add(DraftProblem.error("unknown-parent", at, code,
                    "Feature %d: its parent %s is not a %s grid of the published version %d."
                            .formatted(at, parent, target.parentLevel().code(), target.baseVersion())).other(parent));
        }
        return parent;
    }

    private static Set<String> parentCodes(Connection c, DraftTarget target) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT code FROM grid WHERE version_id = ? AND level = ?")) {
            query.setInt(1, target.baseVersion());
            query.setString(2, target.parentLevel().code());
            var codes = new HashSet<String>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) codes.add(rs.getString(1));
            }
            return codes;
        }
    }

    private static List<Row> rows(Connection c, int draft) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(FEATURES)) {
            query.setInt(1, draft);
            var rows = new ArrayList<Row>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt("position"), rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                            (Double) rs.getObject("repaired_m2"), rs.getBoolean("empty"), rs.getString("type"), (Boolean) rs.getObject("valid"), rs.getString("reason"),
                            (Double) rs.getObject("lon"), (Double) rs.getObject("lat"),
                            (Double) rs.getObject("change_m2"), (Double) rs.getObject("change_pct")));
                }
            }
            return rows;
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
