package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridcc.common.CaseEventsWritten;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;

/**
 * Takes one action of the closed loop on a case: checks it against the case's state, version
 * and holder, then changes the case, writes its event and recomputes its deadlines in one
 * transaction, with the case row locked so that two officers cannot both win.
 */
@ApplicationScoped
public class CaseActions {

    private final Pool pool;
    private final CaseReader reader;
    private final CaseDeadlines deadlines;
    private final ServiceClock clock;
    private final ObjectMapper json;

    private final Event<CaseEventsWritten> written;

    public CaseActions(Pool pool, CaseReader reader, CaseDeadlines deadlines, ServiceClock clock, ObjectMapper json,
                       Event<CaseEventsWritten> written) {
        this.pool = pool;
        this.reader = reader;
        this.deadlines = deadlines;
        this.clock = clock;
        this.json = json;
        this.written = written;
    }

    /** What the action does to the case row besides its state. */
    private record Change(Integer unitId, boolean clearUnit, boolean supervised, JsonObject leader, boolean extended, String status) {}

    /** Takes the action as the caller, who must see the case (else 403, and nothing changes). */
    public Uni<CaseView> take(String typedCode, String actionName, ActionRequest request, String ifMatch, Caller caller) {
        String code = CaseCode.parse(typedCode).text();
        CaseAction action = CaseAction.of(actionName).orElseThrow(() -> ProblemException.notFound(
                "There is no action \"%s\"; the actions are %s.".formatted(actionName,
                        java.util.Arrays.stream(CaseAction.values()).map(CaseAction::path).toList())));
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                SELECT c.id, c.status, c.version, c.unit_id, c.rule_set, c.extended, c.category, c.supervised,
                                       c.county_code, c.township_code, c.leader, u.code AS unit_code, u.level AS unit_level,
                                       coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid
                                  FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.code = $1 FOR UPDATE OF c""")
                        .execute(Tuple.of(code))
                        .chain(rows -> {
                            if (rows.size() == 0) throw ProblemException.notFound("No case has code %s.".formatted(code));
                            Row current = rows.iterator().next();
                            if (!caller.seesCase(current.getString("grid"), current.getString("unit_code"))) throw outsideScope(code, caller);
                            check(code, action, current, ifMatch);
                            return change(tx, action, request, current)
                                    .chain(change -> apply(tx, action, request, current, change, caller));
                        }))
                .invoke(() -> written.fire(CaseEventsWritten.NOW))
                .chain(() -> reader.view(code));
    }

    /** 403 for a case the caller may not see, saying whose it is to handle. */
    public static ProblemException outsideScope(String code, Caller caller) {
        String scope = caller.role() == Role.HANDLER ? "the cases unit %s holds".formatted(caller.unit())
                : "the cases of grid %s and what lies in it".formatted(caller.grid());
        return new ProblemException(ProblemType.FORBIDDEN,
                "Case %s is not yours to see or handle: you see %s. Ask the command centre to dispatch it if it should be."
                        .formatted(code, scope));
    }

    private static void check(String code, CaseAction action, Row current, String ifMatch) {
        int version = current.getInteger("version");
        if (ifMatch != null && !ifMatch.replace("W/", "").replace("\"", "").trim().equals(String.valueOf(version))) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Case %s has changed since you read it (it is at version %d, you sent %s); read it again and decide anew."
                            .formatted(code, version, ifMatch));
        }
        String status = current.getString("status");
        if (!action.allowedFrom(status)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "%s is not allowed while case %s is %s; allowed now: %s.".formatted(action.path(), code, status,
                            CaseAction.allowedIn(status)),
                    List.of(), Map.of("caseStatus", status, "allowed", CaseAction.allowedIn(status)));
        }
    }

    private Uni<Change> change(SqlConnection tx, CaseAction action, ActionRequest request, Row current) {
        Change same = new Change(null, false, current.getBoolean("supervised"), current.getJsonObject("leader"),
                current.getBoolean("extended"), action.to() != null ? action.to() : current.getString("status"));
        return switch (action) {
            case REJECT, RETURN -> {
                required("reason", request.reason(), "say why");
                yield Uni.createFrom().item(action == CaseAction.RETURN ? new Change(null, true, same.supervised(), same.leader(), same.extended(),
                        same.status()) : same);
            }
            case DISPATCH -> {
                required("unit", request.unit(), "name the unit to dispatch to (its code)");
                yield unitId(tx, request.unit()).map(id -> withUnit(same, id));
            }
            case CLAIM, CONTACT, REPLY, FINISH -> {
                holds(request, current);
                yield Uni.createFrom().item(same);
            }
            case ESCALATE -> {
                required("reason", request.reason(), "say why the unit cannot solve it");
                yield unitId(tx, levelAbove(current)).map(id -> withUnit(same, id));
            }
            case EVALUATE -> {
                if (request.rating() == null) throw invalid("rating", "give the rating: 满意, 基本满意 or 不满意");
                // Unsatisfied reopens the case with the unit that handled it (不满意可重办).
                yield Uni.createFrom().item(request.rating() == ActionRequest.Rating.UNSATISFIED
                        ? new Change(null, false, same.supervised(), same.leader(), same.extended(), "dispatched") : same);
            }
            case SUPERVISE -> {
                required("reason", request.reason(), "write the supervision note (督办意见)");
                yield Uni.createFrom().item(new Change(null, false, true, same.leader(), same.extended(), same.status()));
            }
            case ASSIGN_LEADER -> {
                if (request.leader() == null) throw invalid("leader", "give the four fixes: leader, unit, person, deadline");
                yield Uni.createFrom().item(new Change(null, false, same.supervised(),
                        new JsonObject(json.valueToTree(request.leader()).toString()), same.extended(), same.status()));
            }
            case EXTEND -> {
                List<String> refusals = deadlines.refusalsOfExtension(current.getString("rule_set"), current.getBoolean("extended"),
                        request.days() == null ? 0 : request.days(), request.reason());
                if (!refusals.isEmpty()) {
                    throw new ProblemException(ProblemType.CONFLICT, "The extension cannot be granted: " + String.join("; ", refusals) + ".");
                }
                yield Uni.createFrom().item(new Change(null, false, same.supervised(), same.leader(), true, same.status()));
            }
            case MERGE, KEEP_SEPARATE -> {
                required("other", request.other(), "name the other case of the possible duplicate (its code)");
                yield decide(tx, current.getLong("id"), CaseCode.parse(request.other()).text(), action == CaseAction.MERGE)
                        .replaceWith(same);
            }
            case ACCEPT, ARCHIVE -> Uni.createFrom().item(same);
        };
    }

    private Uni<Void> apply(SqlConnection tx, CaseAction action, ActionRequest request, Row current, Change change, Caller caller) {
        long caseId = current.getLong("id");
        JsonObject payload = new JsonObject(json.valueToTree(request).toString()).put("from", current.getString("status"));
        // The signed-in user is the actor; a name given in the request is whom they acted for (a call from a grid worker).
        Object onBehalfOf = payload.remove("actor");
        if (onBehalfOf != null) payload.put("onBehalfOf", onBehalfOf);
        payload.fieldNames().removeIf(name -> payload.getValue(name) == null);
        return tx.preparedQuery("""
                        UPDATE "case" SET status = $2, unit_id = CASE WHEN $3 THEN NULL ELSE coalesce($4, unit_id) END,
                               supervised = $5, leader = $6, extended = $7, version = version + 1, updated_at = now()
                         WHERE id = $1""")
                .execute(Tuple.from(java.util.Arrays.asList(caseId, change.status(), change.clearUnit(), change.unitId(),
                        change.supervised(), change.leader(), change.extended())))
                .chain(() -> tx.preparedQuery("INSERT INTO case_event (case_id, type, actor, at, payload) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(caseId, action.eventType(), caller.actorName(), clock.now().atOffset(ZoneOffset.UTC), payload)))
                .chain(() -> recomputeDeadlines(tx, caseId, current.getString("rule_set")));
    }

    private Uni<Void> recomputeDeadlines(SqlConnection tx, long caseId, String ruleSet) {
        return tx.preparedQuery("SELECT type, at, payload FROM case_event WHERE case_id = $1 ORDER BY id").execute(Tuple.of(caseId))
                .chain(rows -> {
                    var events = StreamSupport.stream(rows.spliterator(), false).toList();
                    int extension = events.stream().filter(e -> e.getString("type").equals("EXTENDED"))
                            .mapToInt(e -> e.getJsonObject("payload").getInteger("days", 0)).sum();
                    var history = events.stream()
                            .map(e -> (Map.Entry<String, java.time.Instant>) new AbstractMap.SimpleEntry<>(e.getString("type"),
                                    e.getOffsetDateTime("at").toInstant()))
                            .toList();
                    var due = deadlines.after(ruleSet, history, extension);
                    return tx.preparedQuery("UPDATE \"case\" SET deadlines = $2 WHERE id = $1")
                            .execute(Tuple.of(caseId, new JsonArray(json.valueToTree(due).toString())));
                })
                .replaceWithVoid();
    }

    /** Records the centre's decision on a possible duplicate; a merged case points to the one it went into. */
    private static Uni<Void> decide(SqlConnection tx, long caseId, String otherCode, boolean merge) {
        return tx.preparedQuery("""
                        UPDATE case_link l SET decision = $3
                          FROM "case" o
                         WHERE o.code = $2 AND ((l.case_id = $1 AND l.other_id = o.id) OR (l.case_id = o.id AND l.other_id = $1))
                        RETURNING o.id""")
                .execute(Tuple.of(caseId, otherCode, merge ? "merged" : "kept"))
                .chain(rows -> {
                    if (rows.size() == 0) throw invalid("other", "%s is not linked to this case as a possible duplicate".formatted(otherCode));
                    long otherId = rows.iterator().next().getLong("id");
                    return merge ? tx.preparedQuery("UPDATE \"case\" SET merged_into = $2 WHERE id = $1").execute(Tuple.of(caseId, otherId))
                            .replaceWithVoid() : Uni.createFrom().voidItem();
                });
    }

    /** Only the unit that holds a case claims, contacts, replies and finishes it. */
    private static void holds(ActionRequest request, Row current) {
        required("unit", request.unit(), "name your unit (its code): only the unit holding the case acts on it");
        String holder = current.getString("unit_code");
        if (!request.unit().equals(holder)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Unit %s does not hold this case; %s does.".formatted(request.unit(), holder == null ? "no unit" : holder),
                    List.of(new FieldError("unit", "not the unit holding the case")));
        }
    }

    /** 逐级上报: village committee -> township office -> the county department for the category. */
    private static String levelAbove(Row current) {
        String level = current.getString("unit_level");
        if (level == null || level.equals("county")) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is already at the county level (or held by no unit); "
                    + "there is no level above to escalate to.");
        }
        return level.equals("village") ? current.getString("township_code")
                : current.getString("county_code") + "-" + current.getString("category");
    }

    private static Uni<Integer> unitId(SqlConnection tx, String unitCode) {
        return tx.preparedQuery("SELECT id FROM unit WHERE code = $1").execute(Tuple.of(unitCode)).map(rows -> {
            if (rows.size() == 0) throw invalid("unit", "no unit has code " + unitCode);
            return rows.iterator().next().getInteger("id");
        });
    }

    private static Change withUnit(Change change, int unitId) {
        return new Change(unitId, false, change.supervised(), change.leader(), change.extended(), change.status());
    }

    private static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) throw invalid(field, message);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The action needs more; see errors.",
                List.of(new FieldError(field, message)));
    }
}
