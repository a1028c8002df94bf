package org.gridcc.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.gridcc.cases.CasePlace;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.common.ServiceClock;

/**
 * The KPIs named in the seeds, counted by PostGIS over the cases of a grid subtree received
 * in a period. Definitions (also in docs/reports.md):
 * timely acceptance = the first deadline of the case's rule set (claim, dispatch or acceptance
 * decision) met on time, over the cases whose first deadline is decided (met, or passed unmet by
 * now: a case still within it is neither on time nor late); on-time reply = a reply deadline (reply,
 * first answer, handling) of the first round of handling met on time, over the cases whose reply
 * deadline is decided likewise; completion = finished, evaluated or
 * archived and not merged, over cases received; satisfaction = latest rating 满意 or 基本满意,
 * over cases rated; mediation success = disputes whose (latest) mediation reached an agreement, over
 * disputes mediated (MEDIATED events, 调解成功率). A confidential case counts at its county only.
 */
@ApplicationScoped
public class CaseStats {

    /** The cases counted in grid $1 received in [$2, $3); $4 the confidential categories (counted at the county only). */
    private static final String IN_PERIOD = """
            cases AS (SELECT c.* FROM "case" c
                       WHERE %s AND c.received_at >= $2 AND c.received_at < $3)""".formatted(CasePlace.countedIn(1, 4));

    private final Pool pool;
    private final ServiceClock clock;

    public CaseStats(Pool pool, ServiceClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Kpis> kpis(String grid, OffsetDateTime from, OffsetDateTime to) {
        Tuple period = Tuple.of(grid, from, to, Categories.confidentialCodes(), clock.now().atOffset(ZoneOffset.UTC));
        Uni<Row> totals = pool.preparedQuery("WITH " + IN_PERIOD + """
                        , rated AS (SELECT DISTINCT ON (e.case_id) e.case_id, e.payload->>'rating' AS rating
                                      FROM case_event e JOIN cases c ON c.id = e.case_id
                                     WHERE e.type = 'EVALUATED' ORDER BY e.case_id, e.id DESC),
                        mediated AS (SELECT DISTINCT ON (e.case_id) e.case_id, (e.payload #>> '{mediation,agreement}')::boolean AS agreement,
                                            (e.payload #>> '{mediation,judicialConfirmation}')::boolean AS confirmed
                                       FROM case_event e JOIN cases c ON c.id = e.case_id
                                      WHERE e.type = 'MEDIATED' ORDER BY e.case_id, e.id DESC),
                        decided AS (SELECT d.* FROM cases c JOIN case_deadline d ON d.case_id = c.id
                                     WHERE d.round = 0 AND (d.met_at IS NOT NULL OR d.due <= $5)),
                        first_deadlines AS (SELECT * FROM decided WHERE position = 0),
                        replies AS (SELECT case_id, bool_or(met_at <= due) AS on_time FROM decided
                                     WHERE kind IN ('REPLY', 'FIRST_ANSWER', 'HANDLING') GROUP BY case_id),
                        finished AS (SELECT c.id, c.category FROM cases c
                                      WHERE case_phase(c.status) IN ('handled', 'closed') AND c.merged_into IS NULL
                                        AND EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = 'FINISHED'))
                        SELECT (SELECT count(*) FROM cases) AS received,
                               (SELECT count(*) FROM first_deadlines) AS acceptance_decided,
                               (SELECT count(*) FROM first_deadlines WHERE met_at <= due) AS accepted_on_time,
                               (SELECT count(*) FROM replies) AS reply_decided,
                               (SELECT count(*) FROM replies WHERE on_time) AS replied_on_time,
                               (SELECT count(*) FROM finished) AS finished,
                               (SELECT count(*) FROM rated) AS evaluated,
                               (SELECT count(*) FROM rated WHERE rating IN ('满意', '基本满意')) AS satisfied,
                               (SELECT count(*) FROM mediated) AS mediated,
                               (SELECT count(*) FROM mediated WHERE agreement) AS agreements,
                               (SELECT count(*) FROM mediated WHERE confirmed) AS confirmed""")
                .execute(period).map(rows -> rows.iterator().next());
        Uni<List<Kpis.UnitOverdue>> overdue = pool.preparedQuery("""
                        SELECT u.code, u.name, count(DISTINCT a.case_id) FILTER (WHERE a.level = 'OVERDUE') AS overdue,
                               count(DISTINCT a.case_id) FILTER (WHERE a.level = 'REFERRED') AS referred
                          FROM deadline_alert a JOIN "case" c ON c.id = a.case_id JOIN unit u ON u.id = c.unit_id
                         WHERE a.level IN ('OVERDUE', 'REFERRED') AND a.at >= $2 AND a.at < $3 AND %s
                         GROUP BY u.code, u.name ORDER BY referred DESC, overdue DESC, u.code""".formatted(CasePlace.countedIn(1, 4)))
                .execute(Tuple.of(grid, from, to, Categories.confidentialCodes()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new Kpis.UnitOverdue(r.getString("code"), r.getString("name"), r.getLong("overdue"), r.getLong("referred"))).toList());
        Uni<List<Kpis.CategoryCount>> categories = pool.preparedQuery("WITH " + IN_PERIOD
                        + " SELECT category, count(*) AS received FROM cases GROUP BY category ORDER BY received DESC, category")
                .execute(Tuple.of(grid, from, to, Categories.confidentialCodes()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new Kpis.CategoryCount(r.getString("category"),
                                Categories.of(r.getString("category")).map(Category::name).orElse(null), r.getLong("received")))
                        .toList());
        return Uni.combine().all().unis(totals, overdue, categories).asTuple().map(t -> {
            Row r = t.getItem1();
            long received = r.getLong("received"), replyDecided = r.getLong("reply_decided"), evaluated = r.getLong("evaluated");
            long mediated = r.getLong("mediated"), decided = r.getLong("acceptance_decided");
            return new Kpis(received, decided, r.getLong("accepted_on_time"), Kpis.rate(r.getLong("accepted_on_time"), decided),
                    replyDecided, r.getLong("replied_on_time"), Kpis.rate(r.getLong("replied_on_time"), replyDecided),
                    r.getLong("finished"), Kpis.rate(r.getLong("finished"), received),
                    evaluated, r.getLong("satisfied"), Kpis.rate(r.getLong("satisfied"), evaluated),
                    mediated, r.getLong("agreements"), r.getLong("confirmed"), Kpis.rate(r.getLong("agreements"), mediated),
                    t.getItem2(), t.getItem3());
        });
    }
}
