package org.gridcc.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.access.Caller;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridChain;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridRef;
import org.gridcc.grid.GridService;
import org.gridcc.grid.LonLat;
import org.gridcc.people.PersonView;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a case in: finds its grids, gives it a code, routes it by risk to the unit that serves
 * its grid at that level, sets its deadlines, and commits the case with its first event before
 * anyone is told it exists.
 */
@ApplicationScoped
public class CaseIntake {

    /** Clocks of the channels' devices run a little ahead of ours; more than this is the future. */
    private static final long CLOCK_SKEW_SECONDS = 120;

    /** At most this many possible duplicates are linked, the nearest in time first: enough for the centre to see a pattern. */
    static final int MAX_LINKS = 10;
    /** Earlier cases of the same reporter within this many days are a repeat (重复信访). */
    static final int SAME_REPORTER_DAYS = 30;

    private final Pool pool;
    private final GridService grids;
    private final GridIndex index;
    private final ServiceClock clock;
    private final CaseRecord record;
    private final CaseSerials serials;
    private final CaseReader reader;
    private final ObjectMapper json;
    private final DeadlineService sla;
    private final Duration backdateWindow;

    public CaseIntake(Pool pool, GridService grids, GridIndex index, ServiceClock clock, CaseRecord record, CaseSerials serials,
                      CaseReader reader, ObjectMapper json, DeadlineService sla,
                      @ConfigProperty(name = "gridcc.cases.backdate-window", defaultValue = "P90D") Duration backdateWindow) {
        this.pool = pool;
        this.grids = grids;
        this.index = index;
        this.clock = clock;
        this.record = record;
        this.serials = serials;
        this.reader = reader;
        this.json = json;
        this.sla = sla;
        this.backdateWindow = backdateWindow;
    }

    /** The outcome: the case, and whether this request made it (false: an idempotent replay). */
    public record Intake(CaseView view, boolean created) {}

    /** The member of a RECEIVED event's payload that names the client system which sent the case (see {@link #submitFromClient}). */
    public static final String CLIENT = "client";

    /**
     * Takes a case in with its photos (checked already; {@link Photos#NONE} for none) for a signed-in
     * caller (an officer only within its grid), or for a client system when caller is null.
     */
    public Uni<Intake> submit(NewCase request, Photos photos, String idempotencyKey, Caller caller) {
        return submit(request, photos, idempotencyKey, caller, null);
    }

    /**
     * Takes a case in with its photos for a client system that names itself (an Open311 client): the
     * name goes with the case's RECEIVED event, so that the client can later be shown what it sent.
     */
    public Uni<Intake> submitFromClient(NewCase request, Photos photos, String client) {
        return submit(request, photos, null, null, client);
    }

    private Uni<Intake> submit(NewCase request, Photos photos, String idempotencyKey, Caller caller, String client) {
        Category category = Categories.of(request.category()).orElseThrow(() -> invalid("category",
                "unknown category \"%s\"; known: %s".formatted(request.category(),
                        Categories.all().stream().map(Category::code).toList())));
        Instant receivedAt = receivedAt(request);
        Risk risk = request.risk() != null ? request.risk() : category.risk();
        String ruleSet = request.ruleSet() != null ? request.ruleSet() : ruleSetOf(category);
        String requestHash = hash(request, photos);
        return chain(request).invoke(chain -> inScope(chain, caller)).chain(chain -> replay(idempotencyKey, requestHash).onItem().ifNull().switchTo(() ->
                serials.next().chain(serial -> insert(new Accepted(request, category, risk, ruleSet, receivedAt, chain, serial,
                                caller == null ? null : caller.actorName(), client, photos),
                                idempotencyKey, requestHash))
                        // Another request with the same key won the race: answer with its case.
                        .onFailure(e -> isUniqueViolation(e, "idempotency_key_pkey")).recoverWithUni(() -> replay(idempotencyKey, requestHash))));
    }

    /** A case that passed every check, about to be stored. */
    private record Accepted(NewCase request, Category category, Risk risk, String ruleSet, Instant receivedAt, List<GridRef> chain,
                            long serial, String takenInBy, String client, Photos photos) {
        String code() {
            return new CaseCode(chain.get(0).code(), receivedAt.atZone(ServiceClock.CHINA).toLocalDate(), serial).text();
        }

        Double lon() {
            return request.location() == null ? null : request.location().lon();
        }

        Double lat() {
            return request.location() == null ? null : request.location().lat();
        }

        String phone() {
            return request.reporter() == null ? null : request.reporter().phone();
        }

        String grid(GridLevel level) {
            return GridChain.codeAt(chain, level);
        }
    }

    private static void inScope(List<GridRef> chain, Caller caller) {
        String grid = chain.get(chain.size() - 1).code();
        if (caller != null && !caller.seesGrid(grid)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The case lies in grid %s, outside grid %s that you serve; the command centre takes it in."
                    .formatted(grid, caller.grid()));
        }
    }

    /** The case an earlier request with the same key made, or null; another body with the key is a conflict. */
    private Uni<Intake> replay(String key, String requestHash) {
        if (key == null) return Uni.createFrom().nullItem();
        return pool.preparedQuery("""
                        SELECT k.request_hash, c.code FROM idempotency_key k JOIN "case" c ON c.id = k.case_id WHERE k.key = $1""")
                .execute(Tuple.of(key))
                .chain(rows -> {
                    if (rows.size() == 0) return Uni.createFrom().nullItem();
                    var row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(requestHash)) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                "Idempotency-Key %s was used for another request (case %s); use a new key for a new case."
                                        .formatted(key, row.getString("code")));
                    }
                    return reader.view(row.getString("code")).map(view -> new Intake(view, false));
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
        Instant oldest = now.minus(backdateWindow);
        if (at.isBefore(oldest)) {
            throw unprocessable("receivedAt", "%s is more than %d days ago; a case received before %s is registered by the centre's admin"
                    .formatted(request.receivedAt(), backdateWindow.toDays(), ServiceClock.local(oldest)));
        }
        var firstYear = sla.calendar().firstLoadedYear();
        if (firstYear.isEmpty() || WorkingCalendar.dayOf(at).getYear() < firstYear.get()) {
            throw unprocessable("receivedAt", firstYear.map(year -> "%s is before %d, the first year whose official calendar is loaded; its deadlines could not be counted"
                    .formatted(request.receivedAt(), year)).orElse("no official calendar is loaded; load one with PUT /api/calendar/{year}"));
        }
        return at;
    }

    /** The rule set a case of the category is taken in under when the request names none. */
    static String ruleSetOf(Category category) {
        return category.code().equals(Categories.PETITION) ? Categories.PETITION_RULE_SET : "luoping";
    }

    /** The RECEIVED event's payload as the service knows it before the statement adds the unit, the time and the duplicates. */
    static JsonObject receivedPayload(Category category, Risk risk, List<GridRef> chain, String ruleSet, String takenInBy) {
        JsonObject payload = new JsonObject().put("category", category.code()).put("risk", risk.code())
                .put("grid", chain.get(chain.size() - 1).code()).put("ruleSet", ruleSet);
        if (takenInBy != null) payload.put("takenInBy", takenInBy);
        return payload;
    }

    /** Lushui's rule: low risk to the village, medium to the township, high to the county department for the category. */
    static String unitCode(List<GridRef> chain, Risk risk, Category category) {
        GridLevel wanted = switch (UnitLevel.handling(risk)) {
            case VILLAGE -> GridLevel.VILLAGE;
            case TOWNSHIP -> GridLevel.TOWNSHIP;
            case COUNTY -> GridLevel.COUNTY;
        };
        // The deepest grid of the chain at or above the wanted level: a case located only to a township goes to its office.
        GridRef grid = chain.stream().filter(g -> g.level().ordinal() <= wanted.ordinal()).reduce((a, b) -> b).orElseThrow();
        return grid.level() == GridLevel.COUNTY ? grid.code() + "-" + category.code() : grid.code();
    }

    /** Stores the case in one statement and answers with what was stored, without reading it back. */
    private Uni<Intake> insert(Accepted c, String key, String requestHash) {
        String code = c.code();
        // As the database keeps them: to the microsecond.
        Instant receivedAt = c.receivedAt().truncatedTo(ChronoUnit.MICROS);
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        var deadlines = record.initialDeadlines(c.ruleSet(), receivedAt);
        String actor = "channel:" + c.request().channel().code();
        JsonObject payload = receivedPayload(c.category(), c.risk(), c.chain(), c.ruleSet(), c.takenInBy());
        if (c.client() != null) payload.put(CLIENT, c.client());
        if (!c.photos().isEmpty()) payload.put("media", c.photos().described(1));
        NewCase r = c.request();
        // The village's head is read meanwhile: the answer waits for the longer of the two, not for both in turn.
        Uni<PersonView> gridHead = reader.gridHead(c.chain());
        Uni<Row> stored = record.takeIn(Tuple.from(Arrays.asList(code, r.channel().code(), c.category().code(), c.risk().code(), r.title().strip(),
                        r.description(), r.reporter() == null ? null : r.reporter().name(), c.phone(), c.lon(), c.lat(),
                        index.version(), c.grid(GridLevel.COUNTY), c.grid(GridLevel.TOWNSHIP), c.grid(GridLevel.VILLAGE),
                        c.grid(GridLevel.GROUP), c.grid(GridLevel.BASE), unitCode(c.chain(), c.risk(), c.category()), c.ruleSet(),
                        receivedAt.atOffset(ZoneOffset.UTC), StoredDeadlines.json(deadlines),
                        (double) c.category().duplicateRadiusMetres(), c.category().duplicateWindowHours(), SAME_REPORTER_DAYS,
                        MAX_LINKS, actor, now.atOffset(ZoneOffset.UTC), payload, key, requestHash,
                        c.photos().contentTypes(), c.photos().bytes(), c.photos().sha256s(), c.photos().uploadedBy())));
        return Uni.combine().all().unis(stored, gridHead).with((row, head) -> {
                    var links = new ArrayList<CaseView.LinkView>();
                    for (Object link : row.getJsonArray("links")) {
                        JsonArray pair = (JsonArray) link;
                        links.add(new CaseView.LinkView(pair.getString(0), pair.getString(1), null));
                    }
                    var unit = row.getString("unit_code") == null ? null
                            : new CaseView.UnitRef(row.getString("unit_code"), row.getString("unit_name"), row.getString("unit_level"));
                    var views = deadlines.stream().map(StoredDeadlines::taken).toList();
                    var received = new CaseView.EventView(CaseAction.RECEIVED_EVENT, actor, ServiceClock.local(now),
                            tree(row.getJsonObject("payload")));
                    return new Intake(new CaseView(code, CaseStatus.RECEIVED, r.channel(),
                            new CaseView.CategoryRef(c.category().code(), c.category().name()), c.risk(), r.title().strip(),
                            r.description(), r.reporter(), "unmasked", r.location(), c.chain(), unit, null, c.ruleSet(),
                            views, false, null, false,
                            ServiceClock.local(receivedAt), row.getInteger("version"), links, row.getLong("earlier"),
                            media(code, c.photos(), ServiceClock.local(now)),
                            CaseAction.allowedIn(CaseStatus.RECEIVED, sla.rules(c.ruleSet()), CaseView.openKinds(views)), List.of(received),
                            unit != null && unit.code().equals(received.payload().path("unit").asText(null))
                                    ? Map.of(unit.code(), unit.name()) : Map.of()).withGridHead(head),
                            true);
                });
    }

    private static List<CaseView.MediaView> media(String code, Photos photos, OffsetDateTime at) {
        var media = new ArrayList<CaseView.MediaView>();
        for (int n = 1; n <= photos.each().size(); n++) {
            var photo = photos.each().get(n - 1);
            media.add(CaseView.MediaView.of(code, n, photo.type().contentType(), photo.bytes().length, at));
        }
        return media;
    }

    private static boolean isUniqueViolation(Throwable e, String constraint) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState()) && constraint.equals(pg.getConstraint());
    }

    private JsonNode tree(JsonObject object) {
        try {
            return json.readTree(object.encode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an Idempotency-Key stands for: the case as sent and, when there are any, its photos (by their SHA-256). */
    private String hash(NewCase request, Photos photos) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(json.writeValueAsBytes(request));
            for (String photo : photos.sha256s()) digest.update(photo.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unprocessable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The case cannot be taken in; see errors.",
                List.of(new FieldError(field, message)));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The case cannot be taken in; see errors.",
                List.of(new FieldError(field, message)));
    }
}
