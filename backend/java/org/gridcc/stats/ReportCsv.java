package org.gridcc.stats;

/** A report as a CSV table (UTF-8 with a byte-order mark, so that Excel shows the Chinese names). */
final class ReportCsv {

    private ReportCsv() {}

    static String of(Report report) {
        Kpis k = report.kpis();
        var csv = new StringBuilder("\uFEFFsection,item,value\n");
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
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, Object item, Object value) {
        csv.append(cell(section)).append(',').append(cell(item)).append(',').append(cell(value)).append('\n');
    }

    /** RFC 4180: quote a cell that holds a comma, a quote or a line break. */
    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches(".*[,\"\\n\\r].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
