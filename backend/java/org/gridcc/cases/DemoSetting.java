package org.gridcc.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridcc.grid.GridLookup;
import org.gridcc.people.MediationKind;
import org.gridcc.sla.WorkingCalendar;

/**
 * What a demo county has that its cases need, as the writer's transaction sees it: its grids, households, units,
 * mediators and calendar, and the id its first new case takes.
 */
record DemoSetting(GridLookup grids, List<double[]> households, Map<String, CasePlaythrough.Unit> units,
                   List<Mediator> mediators, WorkingCalendar calendar, long firstNewId) {

    record Mediator(int id, String name, MediationKind kind, List<String> specialties) {}

    static DemoSetting read(Connection c) throws SQLException {
        int version = GridLookup.publishedVersion(c).orElseThrow(() -> new IllegalStateException("no grid version is published"));
        var households = new ArrayList<double[]>();
        try (var rs = c.createStatement().executeQuery("SELECT ST_X(point), ST_Y(point) FROM household ORDER BY id")) {
            while (rs.next()) households.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        }
        var units = new HashMap<String, CasePlaythrough.Unit>();
        try (var rs = c.createStatement().executeQuery("SELECT id, code, level FROM unit")) {
            while (rs.next()) units.put(rs.getString(2), new CasePlaythrough.Unit(rs.getInt(1), rs.getString(2), rs.getString(3)));
        }
        var mediators = new ArrayList<Mediator>();
        try (var rs = c.createStatement().executeQuery(
                "SELECT id, name, mediation_kind, specialties FROM person WHERE kind = 'mediator' ORDER BY id")) {
            while (rs.next()) {
                mediators.add(new Mediator(rs.getInt(1), rs.getString(2), MediationKind.ofCode(rs.getString(3)),
                        List.of((String[]) rs.getArray(4).getArray())));
            }
        }
        return new DemoSetting(GridLookup.load(c, version), households, units, mediators, WorkingCalendar.load(c),
                single(c, "SELECT coalesce(max(id), 0) + 1 FROM \"case\""));
    }

    /** A household drawn at random: where a case comes from. */
    double[] household(Random random) {
        return households.get(random.nextInt(households.size()));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
