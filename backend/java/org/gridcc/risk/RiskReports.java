package org.gridcc.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.grid.GridIndex;
import org.gridcc.stats.ReportCsv;
import org.gridcc.stats.ReportPeriod;

/**
 * The register's reports (Xinji/Yinan: 日收集、周分析、月通报) over a grid's subtree and the day, week
 * (Monday to Sunday) or month holding a date: entries collected by class, reviews and resolutions
 * in the period, entries still open at its end by class and past their 包案 date, by area below the grid.
 */
@ApplicationScoped
public class RiskReports {

    public record ClassCounts(long classOne, long classTwo, long classThree) {}

    public record AreaCount(String grid, String name, long collected, long openClassOne, long open) {}

    public record Report(String kind, String title, String grid, LocalDate from, LocalDate to, ClassCounts collected, long reviews,
                         long resolved, ClassCounts openAtEnd, long pastDeadline, List<AreaCount> byArea) {}

    /** The entries of grid $1 collected before $3 (the day after the period), with their status at the period's end. */
    private static final String ENTRIES = """
            WITH e AS (SELECT r.*, coalesce((SELECT v.status FROM risk_review v WHERE v.entry_id = r.id AND v.at < $5
                                               ORDER BY v.id DESC LIMIT 1), 'open') AS status_at_end
                         FROM risk_entry r WHERE r.grid_code LIKE $1 || '%' AND r.collected_on < $3)
            """;

    private final Pool pool;
    private final GridIndex index;

    public RiskReports(Pool pool, GridIndex index) {
        this.pool = pool;
        this.index = index;
    }

    public Uni<Report> report(ReportPeriod period, String grid, LocalDate day) {
        LocalDate from = period.first(day), after = period.afterLast(day);
        Tuple args = Tuple.of(grid, from, after, ReportPeriod.start(from), ReportPeriod.start(after));
        Uni<Row> totals = pool.preparedQuery(ENTRIES + """
                        SELECT count(*) FILTER (WHERE collected_on >= $2 AND class = 1) AS new_one,
                               count(*) FILTER (WHERE collected_on >= $2 AND class = 2) AS new_two,
                               count(*) FILTER (WHERE collected_on >= $2 AND class = 3) AS new_three,
                               count(*) FILTER (WHERE status_at_end <> 'resolved' AND class = 1) AS open_one,
                               count(*) FILTER (WHERE status_at_end <> 'resolved' AND class = 2) AS open_two,
                               count(*) FILTER (WHERE status_at_end <> 'resolved' AND class = 3) AS open_three,
                               count(*) FILTER (WHERE status_at_end <> 'resolved' AND deadline < $3) AS past_deadline,
                               (SELECT count(*) FROM risk_review v JOIN e ON e.id = v.entry_id WHERE v.at >= $4 AND v.at < $5) AS reviews,
                               (SELECT count(*) FROM risk_review v JOIN e ON e.id = v.entry_id
                                 WHERE v.at >= $4 AND v.at < $5 AND v.status = 'resolved') AS resolved
                          FROM e""")
                .execute(args).map(rows -> rows.iterator().next());
        int areaLength = grid.isEmpty() ? 6 : grid.length() + 3;
        Uni<List<AreaCount>> areas = pool.preparedQuery(ENTRIES + """
                        SELECT left(grid_code, $6) AS area, count(*) FILTER (WHERE collected_on >= $2) AS collected,
                               count(*) FILTER (WHERE status_at_end <> 'resolved' AND class = 1) AS open_one,
                               count(*) FILTER (WHERE status_at_end <> 'resolved') AS open
                          FROM e WHERE length(grid_code) >= $6 GROUP BY 1 ORDER BY open_one DESC, open DESC, 1""")
                .execute(Tuple.of(grid, from, after, ReportPeriod.start(from), ReportPeriod.start(after)).addInteger(areaLength))
                .map(rows -> {
                    var list = new ArrayList<AreaCount>();
                    for (Row r : rows) {
                        String area = r.getString("area");
                        list.add(new AreaCount(area, index.grid(area).map(g -> g.name()).orElse(null), r.getLong("collected"),
                                r.getLong("open_one"), r.getLong("open")));
                    }
                    return list;
                });
        return Uni.combine().all().unis(totals, areas).asTuple().map(t -> {
            Row r = t.getItem1();
            return new Report(period.name().toLowerCase(), title(period), grid, from, after.minusDays(1),
                    new ClassCounts(r.getLong("new_one"), r.getLong("new_two"), r.getLong("new_three")), r.getLong("reviews"),
                    r.getLong("resolved"), new ClassCounts(r.getLong("open_one"), r.getLong("open_two"), r.getLong("open_three")),
                    r.getLong("past_deadline"), t.getItem2());
        });
    }

    /** Xinji/Yinan's names of the register's reports. */
    static String title(ReportPeriod period) {
        return switch (period) {
            case DAILY -> "日收集";
            case WEEKLY -> "周分析";
            case MONTHLY -> "月通报";
        };
    }

    static String csv(Report report) {
        var csv = ReportCsv.table();
        ReportCsv.row(csv, "report", report.title(), report.kind());
        ReportCsv.row(csv, "report", "grid", report.grid());
        ReportCsv.row(csv, "report", "from", report.from());
        ReportCsv.row(csv, "report", "to", report.to());
        classes(csv, "collected", report.collected());
        ReportCsv.row(csv, "reviews", "reviews", report.reviews());
        ReportCsv.row(csv, "reviews", "resolved", report.resolved());
        classes(csv, "openAtEnd", report.openAtEnd());
        ReportCsv.row(csv, "openAtEnd", "pastDeadline", report.pastDeadline());
        report.byArea().forEach(a -> {
            ReportCsv.row(csv, "collectedByArea", a.name(), a.collected());
            ReportCsv.row(csv, "openClassOneByArea", a.name(), a.openClassOne());
        });
        return csv.toString();
    }

    private static void classes(StringBuilder csv, String section, ClassCounts counts) {
        ReportCsv.row(csv, section, RiskRegister.CLASS_NAMES[0], counts.classOne());
        ReportCsv.row(csv, section, RiskRegister.CLASS_NAMES[1], counts.classTwo());
        ReportCsv.row(csv, section, RiskRegister.CLASS_NAMES[2], counts.classThree());
    }
}
