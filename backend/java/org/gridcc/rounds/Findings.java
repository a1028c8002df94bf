package org.gridcc.rounds;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.cases.CaseIntake;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Channel;
import org.gridcc.cases.NewCase;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.Locations;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;

/**
 * The findings of rounds and patrol reports (the one writer of {@code finding}): checked and stored
 * with what found them, and taken in as cases through the case intake, which the finding then names.
 */
@ApplicationScoped
public class Findings {

    /** What found a finding: its table's key column in {@code finding}, and the channel its cases come in by. */
    public enum Owner {
        ROUND("round_id", Channel.GRID_WORKER), PATROL_REPORT("patrol_report_id", Channel.PATROL_INSPECTOR);

        private final String column;
        private final Channel channel;

        Owner(String column, Channel channel) {
            this.column = column;
            this.channel = channel;
        }
    }

    public record FindingView(int position, String title, String description, String category, String grid, String caseCode) {}

    /** A finding's case: the case's code, and whether this request took it in (false: it was already). */
    public record TakenIn(String caseCode, boolean created) {
        /** 201 with the case's Location the first time, 200 after. */
        public Response response() {
            return Locations.at(Response.status(created ? 201 : 200), "/api/cases/" + caseCode).entity(this).build();
        }
    }

    private final Pool pool;
    private final GridIndex index;
    private final CaseIntake intake;

    public Findings(Pool pool, GridIndex index, CaseIntake intake) {
        this.pool = pool;
        this.index = index;
        this.intake = intake;
    }

    /** Notes what is wrong with the findings: a category unknown, a grid outside {@code within} or unknown. */
    void check(List<NewFinding> findings, String within, List<FieldError> errors) {
        for (int i = 0; i < findings.size(); i++) {
            NewFinding f = findings.get(i);
            if (f == null) {
                errors.add(new FieldError("findings[%d]".formatted(i), "give the finding as an object, or leave it out"));
                continue;
            }
            if (Categories.of(f.category()).isEmpty()) {
                errors.add(new FieldError("findings[%d].category".formatted(i), "unknown category \"%s\"; GET /api/cases/categories lists them"
                        .formatted(f.category())));
            }
            if (f.grid() != null && (!f.grid().startsWith(within) || !index.exists(f.grid()))) {
                errors.add(new FieldError("findings[%d].grid".formatted(i), "%s is not a grid in %s".formatted(f.grid(), within)));
            }
        }
    }

    Uni<Void> insert(SqlConnection tx, Owner owner, long ownerId, List<NewFinding> findings, String defaultGrid) {
        if (findings.isEmpty()) return Uni.createFrom().voidItem();
        var rows = new ArrayList<Tuple>();
        for (int i = 0; i < findings.size(); i++) {
            NewFinding f = findings.get(i);
            rows.add(Tuple.from(Arrays.asList(ownerId, i + 1, f.title().strip(), f.description(), f.category(),
                    f.grid() == null ? defaultGrid : f.grid())));
        }
        return tx.preparedQuery("INSERT INTO finding (%s, position, title, description, category, grid_code) VALUES ($1, $2, $3, $4, $5, $6)"
                        .formatted(owner.column)).executeBatch(rows).replaceWithVoid();
    }

    /** The findings of these rounds or reports, by owner id, in order. */
    Uni<Map<Long, List<FindingView>>> of(Owner owner, List<Long> ids) {
        return pool.preparedQuery("""
                        SELECT f.%1$s AS owner, f.position, f.title, f.description, f.category, f.grid_code, c.code AS case_code
                          FROM finding f LEFT JOIN "case" c ON c.id = f.case_id
                         WHERE f.%1$s = ANY ($1) ORDER BY f.%1$s, f.position""".formatted(owner.column))
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    var found = new HashMap<Long, List<FindingView>>();
                    for (Row r : rows) {
                        found.computeIfAbsent(r.getLong("owner"), id -> new ArrayList<>()).add(new FindingView(r.getInteger("position"),
                                r.getString("title"), r.getString("description"), r.getString("category"), r.getString("grid_code"),
                                r.getString("case_code")));
                    }
                    return found;
                });
    }

    /**
     * Takes finding {@code position} of a round or report in as a case, for the worker who filed it, an
     * officer of its grid or an admin. The intake's idempotency key is the finding's: a retry after a
     * failure between the intake and the link answers with the same case and links it.
     */
    public Uni<TakenIn> takeIn(Owner owner, long ownerId, int position, Caller caller) {
        String filer = owner == Owner.ROUND ? "(SELECT worker_id FROM screening_round WHERE id = f.round_id)"
                : "(SELECT inspector_id FROM patrol_report WHERE id = f.patrol_report_id)";
        return pool.preparedQuery("""
                        SELECT f.id, f.title, f.description, f.category, f.grid_code, c.code AS case_code, %s AS filer
                          FROM finding f LEFT JOIN "case" c ON c.id = f.case_id WHERE f.%s = $1 AND f.position = $2""".formatted(filer, owner.column))
                .execute(Tuple.of(ownerId, position))
                .chain(rows -> {
                    if (rows.size() == 0) throw ProblemException.notFound("There is no finding %d there.".formatted(position));
                    Row f = rows.iterator().next();
                    mayTakeIn(caller, f.getInteger("filer"), f.getString("grid_code"));
                    if (f.getString("case_code") != null) return Uni.createFrom().item(new TakenIn(f.getString("case_code"), false));
                    var request = new NewCase(owner.channel, f.getString("category"), null, f.getString("title"), f.getString("description"),
                            null, f.getString("grid_code"), null, null, null);
                    long id = f.getLong("id");
                    return intake.submit(request, Photos.NONE, "finding-" + id, caller)
                            .chain(taken -> pool.preparedQuery("""
                                            UPDATE finding SET case_id = (SELECT id FROM "case" WHERE code = $2) WHERE id = $1 AND case_id IS NULL""")
                                    .execute(Tuple.of(id, taken.view().code()))
                                    .map(done -> new TakenIn(taken.view().code(), true)));
                });
    }

    private static void mayTakeIn(Caller caller, Integer filer, String grid) {
        boolean may = switch (caller.role()) {
            case ADMIN -> true;
            case OFFICER -> caller.seesGrid(grid);
            case WORKER -> filer != null && filer == caller.userId();
            default -> false;
        };
        if (!may) {
            throw new ProblemException(ProblemType.FORBIDDEN, caller.role() == Role.WORKER
                    ? "Only the worker who filed it takes a finding in as a case." : "Grid %s lies outside grid %s that you serve."
                    .formatted(grid, caller.grid()));
        }
    }
}
