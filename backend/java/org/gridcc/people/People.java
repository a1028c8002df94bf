package org.gridcc.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.gridcc.access.AuditTrail;
import org.gridcc.access.Caller;
import org.gridcc.access.Masking;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.IndexedGrid;

/**
 * The register of the grid's people (table {@code person}; this class is its one writer besides the
 * demo loader's bulk copy): listed in the caller's scope with phones masked, made, changed and
 * removed by the administrator. Scope: an officer or handler sees the people of its grid (a
 * handler's: its unit's grid), of what lies in it and of the grids holding it (the heads above,
 * the county's mediators and leaders); the administrator sees all.
 */
@ApplicationScoped
public class People {

    private static final String COLUMNS = """
            p.id, p.kind, p.name, p.phone, p.grid_code, p.head_level, p.duty_days, p.specialties, p.mediation_kind, p.body,
            p.reception_days, p.username, p.demo""";

    /** A page of people and how many pass the filter in all. */
    public record Page(int page, int size, long total, List<PersonView> items) {}

    /** A mediator of the pool as an action on a case needs them. */
    public record Mediator(int id, String name, MediationKind kind, List<String> specialties, String body) {}

    private final Pool pool;
    private final GridIndex grids;
    private final DisputeCategories disputes;
    private final AuditTrail audit;

    public People(Pool pool, GridIndex grids, DisputeCategories disputes, AuditTrail audit) {
        this.pool = pool;
        this.grids = grids;
        this.disputes = disputes;
        this.audit = audit;
    }

    /** People of a kind (or all) in a grid subtree (or all), mediators taking a category; in the caller's scope. */
    public Uni<Page> find(PersonKind kind, String grid, String category, int page, int size, Caller caller) {
        var args = new ArrayList<Object>();
        var where = new ArrayList<String>(List.of(scope(caller, args)));
        if (kind != null) {
            args.add(kind.code());
            where.add("p.kind = $" + args.size());
        }
        if (grid != null) {
            args.add(grid);
            where.add("p.grid_code LIKE ($%d::text || '%%')".formatted(args.size()));
        }
        if (category != null) {
            args.add(category);
            where.add("$%d = ANY (p.specialties)".formatted(args.size()));
        }
        String from = " FROM person p WHERE " + String.join(" AND ", where);
        Uni<Long> total = pool.preparedQuery("SELECT count(*)" + from).execute(Tuple.from(args)).map(rows -> rows.iterator().next().getLong(0));
        var pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        Uni<List<PersonView>> items = pool.preparedQuery("SELECT " + COLUMNS + from + " ORDER BY p.kind, p.grid_code, p.id LIMIT $%d OFFSET $%d"
                        .formatted(pageArgs.size() - 1, pageArgs.size()))
                .execute(Tuple.from(pageArgs)).map(this::masked);
        return Uni.combine().all().unis(total, items).asTuple().map(t -> new Page(page, size, t.getItem1(), t.getItem2()));
    }

    /** One person in the caller's scope; the phone in full only when asked for by a role that may, audited first. */
    public Uni<PersonView> one(int id, Caller caller, boolean unmasked, String address) {
        var args = new ArrayList<Object>(List.of(id));
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM person p WHERE p.id = $1 AND " + scope(caller, args))
                .execute(Tuple.from(args))
                .chain(rows -> {
                    if (rows.size() == 0) throw ProblemException.notFound("No person %d in the register, or not in your scope.".formatted(id));
                    PersonView view = view(rows.iterator().next());
                    if (!unmasked) return Uni.createFrom().item(masked(view));
                    if (!caller.role().mayUnmask()) {
                        throw new ProblemException(ProblemType.FORBIDDEN,
                                "Your role (%s) sees phones masked only; leave out unmasked=true.".formatted(caller.role().code()));
                    }
                    return audit.recordBeforeShowing(caller, "person.unmasked", String.valueOf(id), address, Map.of("fields", "phone"))
                            .replaceWith(view.withPhone(view.phone(), "unmasked"));
                });
    }

    public Uni<PersonView> create(PersonForm form) {
        PersonKind kind = PeopleChecks.check(form, grids, disputes.codes());
        return pool.preparedQuery("""
                        INSERT INTO person (kind, name, phone, grid_code, head_level, duty_days, specialties, mediation_kind, body, reception_days)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""" + " RETURNING " + COLUMNS.replace("p.", ""))
                .execute(values(kind, form)).map(rows -> masked(view(rows.iterator().next())));
    }

    public Uni<PersonView> update(int id, PersonForm form) {
        PersonKind kind = PeopleChecks.check(form, grids, disputes.codes());
        var values = new ArrayList<>(Arrays.asList(valueArray(kind, form)));
        values.add(id);
        return pool.preparedQuery("""
                        UPDATE person SET kind = $1, name = $2, phone = $3, grid_code = $4, head_level = $5, duty_days = $6, specialties = $7,
                               mediation_kind = $8, body = $9, reception_days = $10, demo = false, updated_at = now()
                         WHERE id = $11""" + " RETURNING " + COLUMNS.replace("p.", ""))
                .execute(Tuple.from(values))
                .map(rows -> {
                    if (rows.size() == 0) throw ProblemException.notFound("No person %d in the register.".formatted(id));
                    return masked(view(rows.iterator().next()));
                });
    }

    public Uni<Void> delete(int id) {
        return pool.preparedQuery("DELETE FROM person WHERE id = $1").execute(Tuple.of(id)).invoke(rows -> {
            if (rows.rowCount() == 0) throw ProblemException.notFound("No person %d in the register.".formatted(id));
        }).replaceWithVoid();
    }

    /** The heads of a grid's chain (county down to the grid), the grid's own household heads included, masked. */
    Uni<List<PersonView>> headsAlong(List<String> chain) {
        return pool.preparedQuery("SELECT " + COLUMNS + """
                         FROM person p WHERE p.kind = 'head' AND p.grid_code = ANY ($1) AND (p.head_level <> 'household' OR p.grid_code = $2)
                        ORDER BY length(p.grid_code), p.head_level = 'household', p.id""")
                .execute(Tuple.of(chain.toArray(String[]::new), chain.get(chain.size() - 1))).map(this::masked);
    }

    /** Workers of a grid subtree (at most {@code limit}, by grid) and how many there are. */
    Uni<List<PersonView>> workersIn(String grid, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM person p WHERE p.kind = 'worker' AND p.grid_code LIKE ($1::text || '%') "
                        + "ORDER BY p.grid_code, p.id LIMIT $2")
                .execute(Tuple.of(grid, limit)).map(this::masked);
    }

    Uni<Long> countIn(String grid, PersonKind kind) {
        return pool.preparedQuery("SELECT count(*) FROM person p WHERE p.kind = $2 AND p.grid_code LIKE ($1::text || '%')")
                .execute(Tuple.of(grid, kind.code())).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The head of a grid itself (the first registered), masked: for a case's view. */
    public Uni<Optional<PersonView>> headOf(String gridCode) {
        Optional<HeadLevel> level = grids.grid(gridCode).flatMap(g -> HeadLevel.ofGrid(g.level()));
        if (level.isEmpty()) return Uni.createFrom().item(Optional.empty());
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM person p WHERE p.kind = 'head' AND p.grid_code = $1 AND p.head_level = $2 "
                        + "ORDER BY p.id LIMIT 1")
                .execute(Tuple.of(gridCode, level.get().code()))
                .map(rows -> masked(rows).stream().findFirst());
    }

    /** A mediator of the pool, read in the caller's transaction. */
    public static Uni<Optional<Mediator>> mediator(SqlClient client, int id) {
        return client.preparedQuery("SELECT id, name, mediation_kind, specialties, body FROM person WHERE id = $1 AND kind = 'mediator'")
                .execute(Tuple.of(id))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).findFirst().map(r -> new Mediator(r.getInteger("id"),
                        r.getString("name"), MediationKind.ofCode(r.getString("mediation_kind")),
                        Arrays.asList(r.getArrayOfStrings("specialties")), r.getString("body"))));
    }

    /** The people a caller may see, as a condition on {@code person p}. */
    private static String scope(Caller caller, List<Object> args) {
        if (caller.grid() == null) return "true";
        args.add(caller.grid());
        int n = args.size();
        return "(p.grid_code LIKE ($%d::text || '%%') OR $%d::text LIKE (p.grid_code || '%%'))".formatted(n, n);
    }

    private static Tuple values(PersonKind kind, PersonForm form) {
        return Tuple.from(Arrays.asList(valueArray(kind, form)));
    }

    private static Object[] valueArray(PersonKind kind, PersonForm form) {
        return new Object[] {kind.code(), form.name().strip(), form.phone(), form.grid(), form.level(), shorts(form.dutyDays()),
                form.specialties() == null ? null : form.specialties().toArray(String[]::new),
                form.mediationKind() == null ? null : form.mediationKind().code(), form.body(), shorts(form.receptionDays())};
    }

    private static Short[] shorts(List<Integer> days) {
        return days == null ? null : days.stream().sorted().map(Integer::shortValue).toArray(Short[]::new);
    }

    private List<PersonView> masked(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> masked(view(r))).toList();
    }

    private static PersonView masked(PersonView view) {
        return view.withPhone(Masking.phone(view.phone()), view.phone() == null ? null : "masked");
    }

    private PersonView view(Row r) {
        PersonKind kind = PersonKind.of(r.getString("kind")).orElseThrow();
        String grid = r.getString("grid_code");
        HeadLevel level = r.getString("head_level") == null ? null : HeadLevel.of(r.getString("head_level")).orElseThrow();
        return new PersonView(r.getInteger("id"), kind.code(), kind.label(), r.getString("name"), r.getString("phone"), null, grid,
                grids.grid(grid).map(IndexedGrid::name).orElse(null), level == null ? null : level.code(),
                level == null ? null : HeadTitles.title(grid.substring(0, 6), level), ints(r.getArrayOfShorts("duty_days")),
                r.getArrayOfStrings("specialties") == null ? null : List.of(r.getArrayOfStrings("specialties")),
                r.getString("mediation_kind") == null ? null : MediationKind.ofCode(r.getString("mediation_kind")), r.getString("body"),
                ints(r.getArrayOfShorts("reception_days")), r.getString("username"), r.getBoolean("demo"));
    }

    private static List<Integer> ints(Short[] days) {
        return days == null ? null : Arrays.stream(days).map(Short::intValue).toList();
    }
}
