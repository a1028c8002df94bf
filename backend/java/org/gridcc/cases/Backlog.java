package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridcc.access.Caller;
import org.gridcc.common.ServiceClock;

/**
 * 积案: cases open longer than {@code gridcc.backlog.days}, and the campaigns to clear them (Luoping's
 * 百日攻坚, Mizhi's 积案化解). A campaign's progress, by the unit holding each case: the cases that were
 * 积案 when it started (open then, by their history, and received more than the days before), how many
 * of them are closed now, and how many remain.
 */
@ApplicationScoped
public class Backlog {

    /** A campaign with its progress in the caller's scope; units by most 积案 at its start. */
    public record Campaign(int id, String name, LocalDate start, LocalDate end, long atStart, long cleared, long remaining,
                           List<UnitProgress> units) {}

    public record UnitProgress(String unit, String name, long atStart, long cleared, long remaining) {}

    /** The backlog now and the campaigns, newest first. */
    public record Overview(int days, long backlogNow, List<Campaign> campaigns) {}

    private final Pool pool;
    private final ServiceClock clock;
    private final int days;

    public Backlog(Pool pool, ServiceClock clock, @ConfigProperty(name = "gridcc.backlog.days", defaultValue = "90") int days) {
        if (days < 1) throw new IllegalArgumentException("gridcc.backlog.days is at least 1; it is " + days);
        this.pool = pool;
        this.clock = clock;
        this.days = days;
    }

    /** A condition on {@code "case" c}: 积案 now (or not), the cut-off time added to args. */
    String condition(boolean backlog, List<Object> args) {
        args.add(cutOff().atOffset(java.time.ZoneOffset.UTC));
        String is = "(case_open(c.status) AND c.merged_into IS NULL AND c.received_at < $%d)".formatted(args.size());
        return backlog ? is : "NOT " + is;
    }

    private Instant cutOff() {
        return clock.now().minus(java.time.Duration.ofDays(days));
    }

    public Uni<Overview> overview(Caller caller) {
        var nowArgs = new ArrayList<Object>();
        String now = "SELECT count(*) FROM \"case\" c WHERE " + condition(true, nowArgs) + " AND " + CaseScope.condition(caller, nowArgs);
        Uni<Long> backlogNow = pool.preparedQuery(now).execute(Tuple.from(nowArgs)).map(rows -> rows.iterator().next().getLong(0));
        Uni<List<Campaign>> campaigns = pool.query("SELECT id, name, starts_on, ends_on FROM backlog_campaign ORDER BY starts_on DESC, id DESC")
                .execute()
                .chain(rows -> {
                    var each = new ArrayList<Uni<Campaign>>();
                    for (Row row : rows) each.add(progress(row, caller));
                    return each.isEmpty() ? Uni.createFrom().item(List.<Campaign>of()) : Uni.join().all(each).andFailFast();
                });
        return Uni.combine().all().unis(backlogNow, campaigns).asTuple().map(t -> new Overview(days, t.getItem1(), t.getItem2()));
    }

    public Uni<Campaign> create(String name, LocalDate start, LocalDate end, Caller caller) {
        return pool.preparedQuery("INSERT INTO backlog_campaign (name, starts_on, ends_on, created_by) VALUES ($1, $2, $3, $4) "
                        + "RETURNING id, name, starts_on, ends_on")
                .execute(Tuple.of(name.strip(), start, end, caller.actorName()))
                .chain(rows -> progress(rows.iterator().next(), caller));
    }

    /**
     * The campaign's progress: the state each case was in at the start is the one its last history
     * entry before then led to (CaseAction.statesReached, the one table of which entry leads where).
     */
    private Uni<Campaign> progress(Row campaign, Caller caller) {
        LocalDate start = campaign.getLocalDate("starts_on");
        OffsetDateTime startsAt = start.atStartOfDay(ServiceClock.CHINA).toOffsetDateTime();
        Map<String, CaseStatus> reached = CaseAction.statesReached();
        var args = new ArrayList<Object>(List.of(reached.keySet().toArray(String[]::new),
                reached.values().stream().map(CaseStatus::code).toArray(String[]::new), startsAt, days));
        String scope = CaseScope.condition(caller, args);
        return pool.preparedQuery("""
                        WITH reached (type, status) AS (SELECT * FROM unnest($1::text[], $2::text[])),
                        at_start AS (
                            SELECT c.id, c.unit_id, c.status,
                                   coalesce((SELECT r.status FROM case_event e JOIN reached r ON r.type = e.type
                                              WHERE e.case_id = c.id AND e.at < $3 ORDER BY e.at DESC, e.id DESC LIMIT 1),
                                            'received') AS status_then
                              FROM "case" c
                             WHERE c.received_at < $3 - make_interval(days => $4) AND %s)
                        SELECT u.code, u.name, count(*) AS at_start, count(*) FILTER (WHERE NOT case_open(a.status)) AS cleared
                          FROM at_start a LEFT JOIN unit u ON u.id = a.unit_id
                         WHERE case_open(a.status_then)
                         GROUP BY u.code, u.name ORDER BY at_start DESC, u.code NULLS LAST""".formatted(scope))
                .execute(Tuple.from(args))
                .map(rows -> {
                    var units = new ArrayList<UnitProgress>();
                    long atStart = 0, cleared = 0;
                    for (Row r : rows) {
                        long a = r.getLong("at_start"), c = r.getLong("cleared");
                        units.add(new UnitProgress(r.getString("code"), r.getString("name"), a, c, a - c));
                        atStart += a;
                        cleared += c;
                    }
                    return new Campaign(campaign.getInteger("id"), campaign.getString("name"), start, campaign.getLocalDate("ends_on"),
                            atStart, cleared, atStart - cleared, units);
                });
    }
}
