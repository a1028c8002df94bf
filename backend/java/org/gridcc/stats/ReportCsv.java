package org.gridcc.stats;

import org.gridcc.common.Csv;

/** A report as a CSV table (UTF-8 with a byte-order mark, so that Excel shows the Chinese names). */
public final class ReportCsv {

    private ReportCsv() {}

    static String of(Report report) {
        Kpis k = report.kpis();
        var csv = table();
        row(csv, "report", report.title(), report.kind());
        row(csv, "report", "grid", report.grid());
        row(csv, "report", "from", report.from());
        row(csv, "report", "to", report.to());
        row(csv, "kpi", "received", k.received());
        row(csv, "kpi", "acceptanceDecided", k.acceptanceDecided());
        row(csv, "kpi", "acceptedOnTime", k.acceptedOnTime());
        row(csv, "kpi", "timelyAcceptanceRate", k.timelyAcceptanceRate());
        row(csv, "kpi", "replyDecided", k.replyDecided());
        row(csv, "kpi", "repliedOnTime", k.repliedOnTime());
        row(csv, "kpi", "onTimeReplyRate", k.onTimeReplyRate());
        row(csv, "kpi", "finished", k.finished());
        row(csv, "kpi", "completionRate", k.completionRate());
        row(csv, "kpi", "evaluated", k.evaluated());
        row(csv, "kpi", "satisfied", k.satisfied());
        row(csv, "kpi", "satisfactionRate", k.satisfactionRate());
        row(csv, "kpi", "mediationSuccessRate", k.mediationSuccessRate());
        k.overdueByUnit().forEach(u -> row(csv, "overdueByUnit", u.name(), u.overdueCases()));
        k.overdueByUnit().stream().filter(u -> u.referredCases() > 0)
                .forEach(u -> row(csv, "referredToDisciplineByUnit", u.name(), u.referredCases()));
        k.byCategory().forEach(c -> row(csv, "byCategory", c.name(), c.received()));
        report.rounds().forEach(r -> {
            row(csv, "roundsDue", r.levelName(), r.due());
            row(csv, "roundsDone", r.levelName(), r.done());
            row(csv, "roundsMissed", r.levelName(), r.missed());
        });
        return csv.toString();
    }

    /** A new table with its byte-order mark and header: section, item, value. */
    public static StringBuilder table() {
        return new StringBuilder(Csv.BYTE_ORDER_MARK + "section,item,value\n");
    }

    public static void row(StringBuilder csv, String section, Object item, Object value) {
        csv.append(Csv.cell(section)).append(',').append(Csv.cell(item)).append(',').append(Csv.cell(value)).append('\n');
    }
}
