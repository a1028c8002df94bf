package org.gridcc.rounds;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridRef;
import org.gridcc.sla.WorkingCalendar;

/** Screening rounds (the one writer of {@code screening_round}): recorded by their worker, read in scope. */
@ApplicationScoped
public class Rounds {

    /** Devices' clocks run a little ahead of ours. */
    static final long CLOCK_SKEW_SECONDS = 120;

    /** worker: as recorded; person: the people register's person whose login recorded it (null: none, or a demo round). */
    public record RoundView(long id, GridLevel level, String levelName, String grid, String gridName, LocalDate doneOn, OffsetDateTime at,
                            String worker, Integer person, List<String> visited, String notes, boolean demo, List<Findings.FindingView> findings) {}

    private static final String SELECT = "SELECT r.id, r.level, r.grid_code, r.done_on, r.at, r.worker_id, r.worker_name, "
            + LoginPerson.PERSON_ID + ", r.visited, r.notes, r.demo FROM screening_round r" + LoginPerson.join("r.worker_id") + " ";

    private final Pool pool;
    private final GridIndex index;
    private final Findings findings;
    private final ServiceClock clock;
    private final Duration recordWithin;

    public Rounds(Pool pool, GridIndex index, Findings findings, ServiceClock clock,
                  @ConfigProperty(name = "gridcc.rounds.record-within", defaultValue = "P7D") Duration recordWithin) {
        this.pool = pool;
        this.index = index;
        this.findings = findings;
        this.clock = clock;
        this.recordWithin = recordWithin;
    }

    public Uni<RoundView> record(NewRound round, Caller caller) {
        var errors = new ArrayList<FieldError>();
        List<GridRef> chain = index.chainOf(round.grid()).orElse(null);
        GridLevel level = chain == null ? null : chain.get(chain.size() - 1).level();
        if (chain == null) errors.add(new FieldError("grid", "no grid has code %s in the published version".formatted(round.grid())));
        else if (!RoundLevel.holdsRounds(level)) {
            errors.add(new FieldError("grid", "%s is a %s grid; rounds are held by county, township, village and base grids"
                    .formatted(round.grid(), level.code())));
        }
        Instant at = when(round.at(), errors);
        List<String> visited = round.visited() == null || round.visited().isEmpty() ? List.of(round.grid()) : round.visited();
        for (int i = 0; i < visited.size(); i++) {
            if (!visited.get(i).startsWith(round.grid()) || !index.exists(visited.get(i))) {
                errors.add(new FieldError("visited[%d]".formatted(i), "%s is not a grid in %s".formatted(visited.get(i), round.grid())));
            }
        }
        List<NewFinding> found = round.findings() == null ? List.of() : round.findings();
        findings.check(found, round.grid(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The round cannot be recorded; see errors.", errors);
        }
        if (!caller.seesGrid(round.grid())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Grid %s lies outside grid %s that you serve; its round is not yours to record."
                    .formatted(round.grid(), caller.grid()));
        }
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO screening_round (level, grid_code, done_on, at, worker_id, worker_name, visited, notes)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""")
                        .execute(Tuple.from(Arrays.asList(level.code(), round.grid(), WorkingCalendar.dayOf(at), at.atOffset(ZoneOffset.UTC),
                                caller.userId(), caller.actorName(), visited.toArray(String[]::new), round.notes())))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .call(id -> findings.insert(tx, Findings.Owner.ROUND, id, found, round.grid())))
                .chain(id -> one(id, caller));
    }

    /** A round's time: now when absent; not in the future, and not older than the recording window. */
    private Instant when(OffsetDateTime at, List<FieldError> errors) {
        Instant now = clock.now();
        if (at == null) return now;
        if (at.toInstant().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
            errors.add(new FieldError("at", "%s is in the future; record a round once it is made".formatted(at)));
        } else if (at.toInstant().isBefore(now.minus(recordWithin))) {
            errors.add(new FieldError("at", "%s is more than %d days ago; a round is recorded within %d days of it"
                    .formatted(at, recordWithin.toDays(), recordWithin.toDays())));
        }
        return at.toInstant();
    }

    public Uni<RoundView> one(long id, Caller caller) {
        return pool.preparedQuery(SELECT + " WHERE r.id = $1").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) throw ProblemException.notFound("There is no round %d.".formatted(id));
            Row row = rows.iterator().next();
            WorkScope.mayRead(caller, row.getString("grid_code"), row.getInteger("worker_id"));
            return views(List.of(row)).map(list -> list.get(0));
        });
    }

    /** The rounds in a grid's subtree (a worker: its own) done from..to, newest first. */
    public Uni<List<RoundView>> list(String grid, LocalDate from, LocalDate to, int limit, Caller caller) {
        return pool.preparedQuery(SELECT + """
                         WHERE r.grid_code LIKE $1 || '%' AND r.done_on BETWEEN $2 AND $3 AND ($4::int IS NULL OR r.worker_id = $4)
                         ORDER BY r.at DESC, r.id DESC LIMIT $5""")
                .execute(Tuple.from(Arrays.asList(grid, from, to, WorkScope.onlyOf(caller), limit)))
                .chain(rows -> {
                    var list = new ArrayList<Row>();
                    rows.forEach(list::add);
                    return views(list);
                });
    }

    private Uni<List<RoundView>> views(List<Row> rows) {
        if (rows.isEmpty()) return Uni.createFrom().item(List.of());
        return findings.of(Findings.Owner.ROUND, rows.stream().map(r -> r.getLong("id")).toList()).map(found -> rows.stream().map(r -> {
            GridLevel level = GridLevel.of(r.getString("level")).orElseThrow();
            String grid = r.getString("grid_code");
            return new RoundView(r.getLong("id"), level, RoundLevel.chinese(level), grid,
                    index.grid(grid).map(g -> g.name()).orElse(null), r.getLocalDate("done_on"),
                    ServiceClock.local(r.getOffsetDateTime("at")), r.getString("worker_name"), r.getInteger("person_id"),
                    Arrays.asList(r.getArrayOfStrings("visited")),
                    r.getString("notes"), r.getBoolean("demo"), found.getOrDefault(r.getLong("id"), List.of()));
        }).toList());
    }
}
