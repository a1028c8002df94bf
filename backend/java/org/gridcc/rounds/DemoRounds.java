package org.gridcc.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridcc.cases.Categories;
import org.gridcc.common.CopyIn;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoHistory;
import org.gridcc.sla.WorkingCalendar;

/**
 * A demo county's schedule of rounds (Lanshan's), its last 30 days of rounds at the rates below, and
 * the daily reports of its patrol inspectors (the people register's, filed by their logins; Lanshan's
 * 10,838 reports by 35 inspectors in a year is about 0.85 a day each). Every row is marked demo; the
 * same seed gives the same history for a given today.
 */
@ApplicationScoped
public class DemoRounds implements DemoHistory {

    static final int DAYS = 30;
    /** Share of due rounds done, per level: the rest are the missed rounds the desk sees. */
    private static final Map<GridLevel, Double> DONE = Map.of(GridLevel.COUNTY, 1.0, GridLevel.TOWNSHIP, 0.95, GridLevel.VILLAGE, 0.9,
            GridLevel.BASE, 0.93);
    /** Lanshan: 区级每季一次、镇级每月一次、村级每周一次、网格每天一次. */
    private static final Map<GridLevel, RoundEvery> LANSHAN = Map.of(GridLevel.COUNTY, RoundEvery.QUARTER, GridLevel.TOWNSHIP,
            RoundEvery.MONTH, GridLevel.VILLAGE, RoundEvery.WEEK, GridLevel.BASE, RoundEvery.DAY);
    private static final double REPORT_ON_WORKING_DAY = 0.92, REPORT_ON_REST_DAY = 0.55, FINDING_IN_ROUND = 0.01,
            FINDING_IN_REPORT = 0.1;
    private static final String[] STUDIED = {"《信访工作条例》", "《人民调解法》", "枫桥经验学习材料", "县委政法委工作通报", "《民法典》相邻关系条款"};
    private static final String[] OBSERVED = {"走访农户，了解邻里关系", "察看在建工地欠薪公示", "查看河道沿线安全隐患", "回访上月化解的矛盾纠纷",
            "了解土地流转合同履行情况"};
    private static final String[] FOUND = {"neighbour_dispute", "land_dispute", "wage_arrears", "work_safety"};

    @Override
    public String write(Connection c, List<NewGrid> grids, long seed, LocalDate today) throws SQLException {
        var random = new Random(seed ^ 0x726f756e6473L);
        WorkingCalendar calendar = WorkingCalendar.load(c);
        CopyIn.rows(c, "COPY round_schedule (level, every, demo) FROM STDIN", List.copyOf(LANSHAN.entrySet()),
                e -> new Object[] {e.getKey().code(), e.getValue().code(), true});
        var rounds = new ArrayList<Object[]>();
        var roundFindings = new ArrayList<Object[]>();
        var reportFindings = new ArrayList<Object[]>();
        LocalDate first = today.minusDays(DAYS), last = today.minusDays(1);
        long id = nextId(c, "screening_round");
        for (NewGrid grid : grids) {
            RoundEvery every = LANSHAN.get(grid.level());
            if (every == null) continue;
            for (LocalDate start = every.first(first); !start.isAfter(last); start = every.last(start).plusDays(1)) {
                LocalDate day = workingDayIn(max(start, first), min(every.last(start), last), calendar, random);
                if (day == null || random.nextDouble() >= DONE.get(grid.level())) continue;
                long round = id++;
                rounds.add(new Object[] {round, grid.level().code(), grid.code(), day, at(day, random), demoName(random),
                        "{" + grid.code() + "}", true});
                if (random.nextDouble() < FINDING_IN_ROUND) roundFindings.add(finding(round, grid.code(), random));
            }
        }
        CopyIn.rows(c, "COPY screening_round (id, level, grid_code, done_on, at, worker_name, visited, demo) FROM STDIN", rounds, r -> r);
        setSequence(c, "screening_round");
        List<Inspector> inspectors = inspectors(c);
        int reports = patrolReports(c, grids, inspectors, calendar, first, last, random, reportFindings);
        CopyIn.rows(c, "COPY finding (round_id, position, title, category, grid_code) FROM STDIN", roundFindings, f -> f);
        CopyIn.rows(c, "COPY finding (patrol_report_id, position, title, category, grid_code) FROM STDIN", reportFindings, f -> f);
        // The planner is to know the tables just filled before the first missed-rounds query.
        c.createStatement().execute("ANALYZE screening_round, patrol_report, finding");
        return "%,d rounds, %d patrol inspectors with %,d daily reports, %,d findings over the last %d days"
                .formatted(rounds.size(), inspectors.size(), reports, roundFindings.size() + reportFindings.size(), DAYS);
    }

    /** The register's inspectors, each reporting through its login on most days from the window's first, in its beat. */
    private static int patrolReports(Connection c, List<NewGrid> grids, List<Inspector> inspectors, WorkingCalendar calendar,
                                     LocalDate first, LocalDate last, Random random, List<Object[]> findings) throws SQLException {
        Map<String, List<String>> baseByTownship = new HashMap<>();
        for (NewGrid g : grids) {
            if (g.level() == GridLevel.BASE) baseByTownship.computeIfAbsent(g.code().substring(0, 9), k -> new ArrayList<>()).add(g.code());
        }
        var reports = new ArrayList<Object[]>();
        long id = nextId(c, "patrol_report");
        for (Inspector inspector : inspectors) {
            List<String> area = baseByTownship.getOrDefault(inspector.beat(), List.of(inspector.beat()));
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                double rate = calendar.isWorkingDay(day) ? REPORT_ON_WORKING_DAY : REPORT_ON_REST_DAY;
                if (random.nextDouble() >= rate) continue;
                String visited = area.get(random.nextInt(area.size()));
                long report = id++;
                reports.add(new Object[] {report, inspector.userId(), day, at(day, random), "学习" + STUDIED[random.nextInt(STUDIED.length)],
                        "{" + visited + "}", OBSERVED[random.nextInt(OBSERVED.length)], true});
                if (random.nextDouble() < FINDING_IN_REPORT) findings.add(finding(report, visited, random));
            }
        }
        CopyIn.rows(c, "COPY patrol_report (id, inspector_id, day, at, studied, visited, observed, demo) FROM STDIN", reports, r -> r);
        setSequence(c, "patrol_report");
        return reports.size();
    }

    private record Inspector(int userId, String beat) {}

    /** The demo register's patrol inspectors with a login (people/DemoRegister made them), by person. */
    private static List<Inspector> inspectors(Connection c) throws SQLException {
        var list = new ArrayList<Inspector>();
        try (var rs = c.createStatement().executeQuery("""
                SELECT u.id, u.grid_code FROM person p JOIN app_user u ON u.username = p.username
                 WHERE p.kind = 'inspector' AND p.demo ORDER BY p.id""")) {
            while (rs.next()) list.add(new Inspector(rs.getInt(1), rs.getString(2)));
        }
        return list;
    }

    /** A finding's row: owner id, position, title, category, grid. */
    private static Object[] finding(long owner, String grid, Random random) {
        String category = FOUND[random.nextInt(FOUND.length)];
        return new Object[] {owner, 1, "巡查发现" + ChineseNames.DEMO_MARK + "：" + Categories.of(category).orElseThrow().name(), category, grid};
    }

    /** A working day from start to end, or null when there is none. */
    private static LocalDate workingDayIn(LocalDate start, LocalDate end, WorkingCalendar calendar, Random random) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) if (calendar.isWorkingDay(d)) days.add(d);
        return days.isEmpty() ? null : days.get(random.nextInt(days.size()));
    }

    private static OffsetDateTime at(LocalDate day, Random random) {
        return day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60))).atZone(ServiceClock.CHINA).toOffsetDateTime();
    }

    private static String demoName(Random random) {
        return ChineseNames.person(random) + ChineseNames.DEMO_MARK;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows were written with their ids: the sequence goes on after the last. */
    private static void setSequence(Connection c, String table) throws SQLException {
        c.createStatement().execute("SELECT setval(pg_get_serial_sequence('%1$s', 'id'), (SELECT coalesce(max(id), 1) FROM %1$s))".formatted(table));
    }
}
