package org.gridcc.rounds;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridcc.access.Caller;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/**
 * Patrol inspectors' daily reports (the one writer of {@code patrol_report}). An inspector is a worker
 * who has filed a report: from its first report on, each working day (the official calendar) it
 * files none is a missing report.
 */
@ApplicationScoped
public class PatrolReports {

    /** inspector: the login's username; person: the register's person it belongs to (null for a login of nobody there). */
    public record ReportView(long id, String inspector, Integer person, String inspectorName, LocalDate day, OffsetDateTime at, String studied,
                             List<String> visited, String observed, String notes, boolean demo, List<Findings.FindingView> findings) {}

    public record MissingReport(String inspector, Integer person, String inspectorName, LocalDate day) {}

    public record MissingList(String grid, LocalDate from, LocalDate to, long total, List<MissingReport> missing) {}

    public record InspectorCount(String inspector, Integer person, String inspectorName, long reports, long findings, long casesTakenIn) {}

    public record MonthCount(String month, long reports, long inspectors, long findings) {}

    public record Counts(String grid, LocalDate from, LocalDate to, long reports, List<InspectorCount> byInspector, List<MonthCount> byMonth) {}

    /**
     * An inspector's login {@code u} and the register's person {@code pe} it belongs to: the person owns the name
     * (the account's display name is for logins of nobody in the register).
     */
    private static final String INSPECTOR = LoginPerson.join("p.inspector_id");
    private static final String INSPECTOR_COLUMNS = "u.username, " + LoginPerson.PERSON_ID + ", coalesce(pe.name, u.display_name) AS display_name";

    private static final String SELECT = "SELECT p.id, p.inspector_id, " + INSPECTOR_COLUMNS + """
            , u.grid_code AS inspector_grid, p.day, p.at, p.studied, p.visited, p.observed, p.notes, p.demo
              FROM patrol_report p""" + INSPECTOR;

    /** The inspectors counted in a grid: workers whose own grid lies in it. */
    private static final String INSPECTORS_IN = "u.role = 'worker' AND u.grid_code LIKE $1 || '%'";

    private final Pool pool;
    private final GridIndex index;
    private final Findings findings;
    private final ServiceClock clock;
    private final DeadlineService sla;
    private final int fileWithinDays;

    public PatrolReports(Pool pool, GridIndex index, Findings findings, ServiceClock clock, DeadlineService sla,
                         @ConfigProperty(name = "gridcc.patrol.file-within-days", defaultValue = "7") int fileWithinDays) {
        this.pool = pool;
        this.index = index;
        this.findings = findings;
        this.clock = clock;
        this.sla = sla;
        this.fileWithinDays = fileWithinDays;
    }

    public Uni<ReportView> file(NewPatrolReport report, Caller caller) {
        LocalDate today = WorkingCalendar.dayOf(clock.now());
        LocalDate day = report.day() == null ? today : report.day();
        var errors = new ArrayList<FieldError>();
        if (day.isAfter(today)) errors.add(new FieldError("day", "%s is in the future; report on a day that is over or under way".formatted(day)));
        else if (day.isBefore(today.minusDays(fileWithinDays))) {
            errors.add(new FieldError("day", "%s is more than %d days ago; a day is reported within %d days".formatted(day, fileWithinDays, fileWithinDays)));
        }
        for (int i = 0; i < report.visited().size(); i++) {
            String grid = report.visited().get(i);
            if (!index.exists(grid) || !caller.seesGrid(grid)) {
                errors.add(new FieldError("visited[%d]".formatted(i), "%s is not a grid in %s that you patrol".formatted(grid, caller.grid())));
            }
        }
        List<NewFinding> found = report.findings() == null ? List.of() : report.findings();
        String area = caller.grid() == null ? "" : caller.grid();
        findings.check(found, area, errors);
        if (!errors.isEmpty()) throw new ProblemException(ProblemType.UNPROCESSABLE, "The report cannot be filed; see errors.", errors);
        String firstVisited = report.visited().get(0);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO patrol_report (inspector_id, day, at, studied, visited, observed, notes)
                                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id""")
                        .execute(Tuple.from(Arrays.asList(caller.userId(), day, clock.now().atOffset(ZoneOffset.UTC), report.studied().strip(),
                                report.visited().toArray(String[]::new), report.observed().strip(), report.notes())))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .call(id -> findings.insert(tx, Findings.Owner.PATROL_REPORT, id, found, firstVisited)))
                .onFailure(e -> e instanceof PgException pg && "patrol_report_one_a_day".equals(pg.getConstraint()))
                .transform(e -> new ProblemException(ProblemType.CONFLICT,
                        "You have filed the report of %s already; one report a day (每日必报).".formatted(day)))
                .chain(id -> one(id, caller));
    }

    public Uni<ReportView> one(long id, Caller caller) {
        return pool.preparedQuery(SELECT + " WHERE p.id = $1").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) throw ProblemException.notFound("There is no patrol report %d.".formatted(id));
            Row row = rows.iterator().next();
            WorkScope.mayRead(caller, row.getString("inspector_grid"), row.getInteger("inspector_id"));
            return views(List.of(row)).map(list -> list.get(0));
        });
    }

    /** Reports of the inspectors of a grid (a worker: its own) from..to, newest first. */
    public Uni<List<ReportView>> list(String grid, LocalDate from, LocalDate to, int limit, Caller caller) {
        return pool.preparedQuery(SELECT + " WHERE " + INSPECTORS_IN + """
                         AND p.day BETWEEN $2 AND $3 AND ($4::int IS NULL OR p.inspector_id = $4)
                         ORDER BY p.day DESC, p.id DESC LIMIT $5""")
                .execute(Tuple.from(Arrays.asList(grid, from, to, WorkScope.onlyOf(caller), limit)))
                .chain(rows -> {
                    var list = new ArrayList<Row>();
                    rows.forEach(list::add);
                    return views(list);
                });
    }

    /** The working days from..to (at most yesterday) on which an inspector of the grid, reporting since before, filed nothing. */
    public Uni<MissingList> missing(String grid, LocalDate from, LocalDate to, int limit) {
        LocalDate yesterday = WorkingCalendar.dayOf(clock.now()).minusDays(1);
        LocalDate end = to.isAfter(yesterday) ? yesterday : to;
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
            if (sla.calendar().isWorkingDay(day)) days.add(day);
        }
        return pool.preparedQuery("""
                        WITH inspectors AS (SELECT u.id, %s, min(p.day) AS since
                                              FROM patrol_report p %s
                                             WHERE %s GROUP BY u.id, pe.id),
                        missing AS (SELECT i.username, i.person_id, i.display_name, d.day FROM inspectors i CROSS JOIN unnest($2::date[]) AS d(day)
                                     WHERE d.day >= i.since
                                       AND NOT EXISTS (SELECT 1 FROM patrol_report p WHERE p.inspector_id = i.id AND p.day = d.day))
                        SELECT m.*, (SELECT count(*) FROM missing) AS total FROM missing m ORDER BY m.day DESC, m.username LIMIT $3"""
                        .formatted(INSPECTOR_COLUMNS, INSPECTOR, INSPECTORS_IN))
                .execute(Tuple.of(grid, days.toArray(LocalDate[]::new), limit))
                .map(rows -> {
                    var missing = new ArrayList<MissingReport>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        missing.add(new MissingReport(r.getString("username"), r.getInteger("person_id"), r.getString("display_name"),
                                r.getLocalDate("day")));
                    }
                    return new MissingList(grid, from, end, total, missing);
                });
    }

    /** Reports, findings and cases per inspector of the grid, and reports per month, from..to. */
    public Uni<Counts> counts(String grid, LocalDate from, LocalDate to) {
        String reports = "SELECT p.*, " + INSPECTOR_COLUMNS + " FROM patrol_report p" + INSPECTOR + " WHERE "
                + INSPECTORS_IN + " AND p.day BETWEEN $2 AND $3";
        Uni<List<InspectorCount>> byInspector = pool.preparedQuery("WITH r AS (" + reports + """
                        ) SELECT r.username, r.person_id, r.display_name, count(DISTINCT r.id) AS reports, count(f.id) AS findings,
                                 count(f.case_id) AS cases
                            FROM r LEFT JOIN finding f ON f.patrol_report_id = r.id
                           GROUP BY r.username, r.person_id, r.display_name ORDER BY count(DISTINCT r.id) DESC, r.username""")
                .execute(Tuple.of(grid, from, to))
                .map(rows -> {
                    var list = new ArrayList<InspectorCount>();
                    for (Row r : rows) {
                        list.add(new InspectorCount(r.getString("username"), r.getInteger("person_id"), r.getString("display_name"),
                                r.getLong("reports"), r.getLong("findings"), r.getLong("cases")));
                    }
                    return list;
                });
        Uni<List<MonthCount>> byMonth = pool.preparedQuery("WITH r AS (" + reports + """
                        ) SELECT to_char(r.day, 'YYYY-MM') AS month, count(DISTINCT r.id) AS reports,
                                 count(DISTINCT r.inspector_id) AS inspectors, count(f.id) AS findings
                            FROM r LEFT JOIN finding f ON f.patrol_report_id = r.id GROUP BY 1 ORDER BY 1""")
                .execute(Tuple.of(grid, from, to))
                .map(rows -> {
                    var list = new ArrayList<MonthCount>();
                    for (Row r : rows) {
                        list.add(new MonthCount(r.getString("month"), r.getLong("reports"), r.getLong("inspectors"), r.getLong("findings")));
                    }
                    return list;
                });
        return Uni.combine().all().unis(byInspector, byMonth).asTuple().map(t -> new Counts(grid, from, to,
                t.getItem2().stream().mapToLong(MonthCount::reports).sum(), t.getItem1(), t.getItem2()));
    }

    private Uni<List<ReportView>> views(List<Row> rows) {
        if (rows.isEmpty()) return Uni.createFrom().item(List.of());
        return findings.of(Findings.Owner.PATROL_REPORT, rows.stream().map(r -> r.getLong("id")).toList()).map(found -> rows.stream()
                .map(r -> new ReportView(r.getLong("id"), r.getString("username"), r.getInteger("person_id"), r.getString("display_name"),
                        r.getLocalDate("day"),
                        ServiceClock.local(r.getOffsetDateTime("at")), r.getString("studied"), Arrays.asList(r.getArrayOfStrings("visited")),
                        r.getString("observed"), r.getString("notes"), r.getBoolean("demo"), found.getOrDefault(r.getLong("id"), List.of())))
                .toList());
    }
}
