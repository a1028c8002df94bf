package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridRef;
import org.gridcc.grid.GridService;
import org.gridcc.grid.LonLat;

/**
 * Takes a case in: finds its grids, gives it a code, routes it by risk to the unit that serves
 * its grid at that level, sets its deadlines, and commits the case with its first event before
 * anyone is told it exists.
 */
@ApplicationScoped
public class CaseIntake {

    /** Clocks of the channels' devices run a little ahead of ours; more than this is the future. */
    private static final long CLOCK_SKEW_SECONDS = 120;

    private final Pool pool;
    private final GridService grids;
    private final GridIndex index;
    private final ServiceClock clock;
    private final CaseDeadlines deadlines;
    private final CaseReader reader;
    private final PossibleDuplicates duplicates;
    private final ObjectMapper json;

    public CaseIntake(Pool pool, GridService grids, GridIndex index, ServiceClock clock, CaseDeadlines deadlines,
                      CaseReader reader, PossibleDuplicates duplicates, ObjectMapper json) {
        this.pool = pool;
        this.grids = grids;
        this.index = index;
        this.clock = clock;
        this.deadlines = deadlines;
        this.reader = reader;
        this.duplicates = duplicates;
        this.json = json;
    }

    /** The outcome: the case, and whether this request made it (false: an idempotent replay). */
    public record Intake(CaseView view, boolean created) {}

    public Uni<Intake> submit(NewCase request, String idempotencyKey) {
        Category category = Categories.of(request.category()).orElseThrow(() -> invalid("category",
                "unknown category \"%s\"; known: %s".formatted(request.category(),
                        Categories.all().stream().map(Category::code).toList())));
        Instant receivedAt = receivedAt(request);
        Risk risk = request.risk() != null ? request.risk() : category.risk();
        String ruleSet = request.ruleSet() != null ? request.ruleSet() : category.code().equals("petition") ? "xinfang" : "luoping";
        String requestHash = hash(request);
        return chain(request).chain(chain -> pool.withTransaction(tx ->
                        replay(tx, idempotencyKey, requestHash).onItem().ifNull().switchTo(() ->
                                unit(tx, chain, risk, category).chain(unitId -> insert(tx, request, category, risk, ruleSet, receivedAt,
                                        chain, unitId, idempotencyKey, requestHash).map(code -> new Stored(code, true))))))
                .chain(stored -> reader.view(stored.code()).map(view -> new Intake(view, stored.created())));
    }

    private record Stored(String code, boolean created) {}

    /** The case an earlier request with the same key made, or null; another body with the key is a conflict. */
    private Uni<Stored> replay(SqlConnection tx, String key, String requestHash) {
        if (key == null) return Uni.createFrom().nullItem();
        return tx.preparedQuery("""
                        SELECT k.request_hash, c.code FROM idempotency_key k JOIN "case" c ON c.id = k.case_id WHERE k.key = $1""")
                .execute(Tuple.of(key))
                .map(rows -> {
                    if (rows.size() == 0) return null;
                    var row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(requestHash)) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                "Idempotency-Key %s was used for another request (case %s); use a new key for a new case."
                                        .formatted(key, row.getString("code")));
                    }
                    return new Stored(row.getString("code"), false);
                });
    }

    private Uni<List<GridRef>> chain(NewCase request) {
        if ((request.location() == null) == (request.gridCode() == null)) {
            throw invalid("location", "give either location {lon, lat} or gridCode, not both and not neither");
        }
        if (request.gridCode() != null) {
            return Uni.createFrom().item(index.chainOf(request.gridCode()).orElseThrow(() -> new ProblemException(
                    ProblemType.UNPROCESSABLE, "No grid has code %s in the published version.".formatted(request.gridCode()),
                    List.of(new FieldError("gridCode", "unknown grid")))));
        }
        LonLat point = LonLat.parse(String.valueOf(request.location().lon()), String.valueOf(request.location().lat()), "location.");
        return grids.locate(point, ProblemType.UNPROCESSABLE).map(chain -> chain.chain());
    }

    private Instant receivedAt(NewCase request) {
        Instant now = clock.now();
        if (request.receivedAt() == null) return now;
        Instant at = request.receivedAt().toInstant();
        if (at.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
            throw invalid("receivedAt", "%s is in the future; a case can only be registered after it came in".formatted(request.receivedAt()));
        }
        return at;
    }

    /** Lushui's rule: low risk to the village, medium to the township, high to the county department for the category. */
    private Uni<Integer> unit(SqlConnection tx, List<GridRef> chain, Risk risk, Category category) {
        GridLevel wanted = switch (UnitLevel.handling(risk)) {
            case VILLAGE -> GridLevel.VILLAGE;
            case TOWNSHIP -> GridLevel.TOWNSHIP;
            case COUNTY -> GridLevel.COUNTY;
        };
        // The deepest grid of the chain at or above the wanted level: a case located only to a township goes to its office.
        GridRef grid = chain.stream().filter(g -> g.level().ordinal() <= wanted.ordinal()).reduce((a, b) -> b).orElseThrow();
        String unitCode = grid.level() == GridLevel.COUNTY ? grid.code() + "-" + category.code() : grid.code();
        return tx.preparedQuery("SELECT id FROM unit WHERE code = $1").execute(Tuple.of(unitCode))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger("id"));
    }

    private Uni<String> insert(SqlConnection tx, NewCase request, Category category, Risk risk, String ruleSet, Instant receivedAt,
                               List<GridRef> chain, Integer unitId, String key, String requestHash) {
        LocalDate day = receivedAt.atZone(ServiceClock.CHINA).toLocalDate();
        var due = deadlines.initial(ruleSet, receivedAt);
        return tx.query("SELECT nextval('case_serial')").execute()
                .map(rows -> new CaseCode(chain.get(0).code(), day, rows.iterator().next().getLong(0)).text())
                .chain(code -> tx.preparedQuery("""
                                INSERT INTO "case" (code, channel, category, risk, title, description, reporter_name, reporter_phone,
                                                    point, grid_version, county_code, township_code, village_code, group_code, base_code,
                                                    status, unit_id, rule_set, received_at, deadlines)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                                        CASE WHEN $9::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($9, $10), 4326) END,
                                        $11, $12, $13, $14, $15, $16, 'received', $17, $18, $19, $20)
                                RETURNING id""")
                        .execute(Tuple.from(Arrays.asList(code, request.channel().code(), category.code(), risk.code(), request.title().strip(),
                                        request.description(), request.reporter() == null ? null : request.reporter().name(),
                                        request.reporter() == null ? null : request.reporter().phone(),
                                        request.location() == null ? null : request.location().lon(),
                                        request.location() == null ? null : request.location().lat(),
                                        index.version(), code(chain, GridLevel.COUNTY), code(chain, GridLevel.TOWNSHIP),
                                        code(chain, GridLevel.VILLAGE), code(chain, GridLevel.GROUP), code(chain, GridLevel.BASE),
                                        unitId, ruleSet, receivedAt.atOffset(ZoneOffset.UTC),
                                        new JsonArray(json.valueToTree(due).toString()))))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .chain(caseId -> duplicates.link(tx, caseId, category,
                                        request.location() == null ? null : request.location().lon(),
                                        request.location() == null ? null : request.location().lat(),
                                        request.reporter() == null ? null : request.reporter().phone(), receivedAt)
                                .chain(linked -> tx.preparedQuery(
                                                "INSERT INTO case_event (case_id, type, actor, at, payload) VALUES ($1, 'RECEIVED', $2, $3, $4)")
                                        .execute(Tuple.of(caseId, "channel:" + request.channel().code(), clock.now().atOffset(ZoneOffset.UTC),
                                                new JsonObject().put("category", category.code()).put("risk", risk.code())
                                                        .put("grid", chain.get(chain.size() - 1).code()).put("unitId", unitId)
                                                        .put("ruleSet", ruleSet).put("possibleDuplicates", new JsonArray(linked)))))
                                .chain(() -> key == null ? Uni.createFrom().voidItem()
                                        : tx.preparedQuery("INSERT INTO idempotency_key (key, request_hash, case_id) VALUES ($1, $2, $3)")
                                                .execute(Tuple.of(key, requestHash, caseId)).replaceWithVoid()))
                        .replaceWith(code));
    }

    private static String code(List<GridRef> chain, GridLevel level) {
        return chain.stream().filter(g -> g.level() == level).map(GridRef::code).findFirst().orElse(null);
    }

    private String hash(NewCase request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The case cannot be taken in; see errors.",
                List.of(new FieldError(field, message)));
    }
}
