package org.gridcc.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridcc.access.Caller;
import org.gridcc.cases.ActionRequest;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.sla.WorkingCalendar;

/**
 * The register of risks to stability (信访不稳定因素信息库; the one writer of {@code risk_entry} and
 * {@code risk_review}): entries with their class and the four fixes of 包案, reviewed until resolved.
 */
@ApplicationScoped
public class RiskRegister {

    public record ReviewView(OffsetDateTime at, String reviewer, RiskStatus status, String note) {}

    public record EntryView(long id, String subject, String grid, String gridName, int riskClass, String className,
                            ActionRequest.Leader fixes, RiskStatus status, LocalDate collectedOn, String collectedBy, boolean demo,
                            List<ReviewView> reviews) {}

    /** Open entries (not resolved) by class, and how many grids hold an open class-一 entry: counts only, for the wall. */
    public record Counts(String grid, long gridsWithClassOne, long classOne, long classTwo, long classThree) {}

    /** A grid's open entries by class (a grid holding entries: a base grid). */
    public record GridCounts(String grid, String name, long classOne, long classTwo, long classThree) {}

    static final String[] CLASS_NAMES = {"一类", "二类", "三类"};

    private static final String SELECT = """
            SELECT id, subject, grid_code, class, leader, unit, person, deadline, status, collected_on, collected_by, demo FROM risk_entry
            """;

    private final Pool pool;
    private final GridIndex index;
    private final ServiceClock clock;

    public RiskRegister(Pool pool, GridIndex index, ServiceClock clock) {
        this.pool = pool;
        this.index = index;
        this.clock = clock;
    }

    public Uni<EntryView> add(NewRiskEntry entry, Caller caller) {
        LocalDate today = WorkingCalendar.dayOf(clock.now());
        LocalDate collected = entry.collectedOn() == null ? today : entry.collectedOn();
        var errors = new ArrayList<FieldError>();
        if (!index.exists(entry.grid())) errors.add(new FieldError("grid", "no grid has code %s in the published version".formatted(entry.grid())));
        entry.fixes().pastDeadline(today, "fixes.deadline").ifPresent(errors::add);
        if (collected.isAfter(today)) errors.add(new FieldError("collectedOn", "%s is in the future".formatted(collected)));
        if (!errors.isEmpty()) throw new ProblemException(ProblemType.UNPROCESSABLE, "The entry cannot be registered; see errors.", errors);
        caller.subtreeAsked(entry.grid());
        var f = entry.fixes();
        return pool.preparedQuery("""
                        INSERT INTO risk_entry (subject, grid_code, class, leader, unit, person, deadline, collected_on, collected_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id""")
                .execute(Tuple.from(Arrays.asList(entry.subject().strip(), entry.grid(), entry.riskClass().shortValue(), f.leader().strip(),
                        f.unit().strip(), f.person().strip(), f.deadline(), collected, caller.actorName())))
                .chain(rows -> one(rows.iterator().next().getLong("id"), caller));
    }

    public Uni<EntryView> review(long id, RiskReview review, Caller caller) {
        return one(id, caller).chain(entry -> pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO risk_review (entry_id, at, reviewer, status, note) VALUES ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.of(id, clock.now().atOffset(ZoneOffset.UTC), caller.actorName(), review.status().code(), review.note().strip()))
                        .chain(() -> tx.preparedQuery("UPDATE risk_entry SET status = $2 WHERE id = $1")
                                .execute(Tuple.of(id, review.status().code()))))
                .chain(() -> one(id, caller)));
    }

    public Uni<EntryView> one(long id, Caller caller) {
        return pool.preparedQuery(SELECT + " WHERE id = $1").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0 || !caller.seesGrid(rows.iterator().next().getString("grid_code"))) {
                throw ProblemException.notFound("There is no entry %d among those you may read.".formatted(id));
            }
            return views(List.of(rows.iterator().next()), true).map(list -> list.get(0));
        });
    }

    /** Entries in a grid's subtree, the gravest and latest first; riskClass and status narrow them. */
    public Uni<List<EntryView>> list(String grid, Integer riskClass, RiskStatus status, int limit) {
        return pool.preparedQuery(SELECT + """
                         WHERE grid_code LIKE $1 || '%' AND ($2::smallint IS NULL OR class = $2) AND ($3::text IS NULL OR status = $3)
                         ORDER BY class, collected_on DESC, id DESC LIMIT $4""")
                .execute(Tuple.from(Arrays.asList(grid, riskClass == null ? null : riskClass.shortValue(),
                        status == null ? null : status.code(), limit)))
                .chain(rows -> {
                    var list = new ArrayList<Row>();
                    rows.forEach(list::add);
                    return views(list, false);
                });
    }

    /** The grid's open entries by class, from its base grids' counts. */
    public Uni<Counts> counts(String grid) {
        return openByGrid(grid).map(grids -> new Counts(grid, grids.stream().filter(g -> g.classOne() > 0).count(),
                grids.stream().mapToLong(GridCounts::classOne).sum(), grids.stream().mapToLong(GridCounts::classTwo).sum(),
                grids.stream().mapToLong(GridCounts::classThree).sum()));
    }

    /** The grids of a subtree holding an open class-一 entry, with their open entries by class (the desk's marks). */
    public Uni<List<GridCounts>> classOneGrids(String grid) {
        return openByGrid(grid).map(grids -> grids.stream().filter(g -> g.classOne() > 0).toList());
    }

    /** Open (not resolved) entries by class per grid holding any, in a grid's subtree, by code. */
    private Uni<List<GridCounts>> openByGrid(String grid) {
        return pool.preparedQuery("""
                        SELECT grid_code, count(*) FILTER (WHERE class = 1) AS one, count(*) FILTER (WHERE class = 2) AS two,
                               count(*) FILTER (WHERE class = 3) AS three
                          FROM risk_entry WHERE status <> 'resolved' AND grid_code LIKE $1 || '%' GROUP BY grid_code ORDER BY grid_code""")
                .execute(Tuple.of(grid))
                .map(rows -> {
                    var list = new ArrayList<GridCounts>();
                    for (Row r : rows) {
                        String code = r.getString("grid_code");
                        list.add(new GridCounts(code, index.grid(code).map(g -> g.name()).orElse(null), r.getLong("one"), r.getLong("two"),
                                r.getLong("three")));
                    }
                    return list;
                });
    }

    private Uni<List<EntryView>> views(List<Row> rows, boolean withReviews) {
        if (rows.isEmpty()) return Uni.createFrom().item(List.of());
        Uni<List<Row>> reviews = !withReviews ? Uni.createFrom().item(List.of()) : pool.preparedQuery("""
                        SELECT entry_id, at, reviewer, status, note FROM risk_review WHERE entry_id = ANY ($1) ORDER BY id""")
                .execute(Tuple.of(rows.stream().map(r -> r.getLong("id")).toArray(Long[]::new)))
                .map(found -> {
                    var list = new ArrayList<Row>();
                    found.forEach(list::add);
                    return list;
                });
        return reviews.map(found -> rows.stream().map(r -> {
            long id = r.getLong("id");
            int riskClass = r.getShort("class");
            String grid = r.getString("grid_code");
            return new EntryView(id, r.getString("subject"), grid, index.grid(grid).map(g -> g.name()).orElse(null), riskClass,
                    CLASS_NAMES[riskClass - 1], new ActionRequest.Leader(r.getString("leader"), r.getString("unit"), r.getString("person"),
                    r.getLocalDate("deadline")), RiskStatus.of(r.getString("status")), r.getLocalDate("collected_on"),
                    r.getString("collected_by"), r.getBoolean("demo"),
                    found.stream().filter(v -> v.getLong("entry_id") == id).map(v -> new ReviewView(ServiceClock.local(v.getOffsetDateTime("at")),
                            v.getString("reviewer"), RiskStatus.of(v.getString("status")), v.getString("note"))).toList());
        }).toList());
    }
}
