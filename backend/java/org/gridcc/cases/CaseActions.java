package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.cases.CaseRecord.Change;
import org.gridcc.sla.Deadline;
import org.gridcc.sla.DeadlineKind;
import org.gridcc.sla.CaseHistory;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.RuleSet;
import org.gridcc.sla.WorkingCalendar;

/**
 * Takes one action of the closed loop on a case: checks it against the case's state, version,
 * rule set, holder and deadlines, then changes the case, appends its event and computes its
 * deadlines again in one transaction (through {@link CaseRecord}), with the case row locked so
 * that two officers cannot both win.
 */
@ApplicationScoped
public class CaseActions {

    private final Pool pool;
    private final CaseReader reader;
    private final CaseRecord record;
    private final DeadlineService sla;
    private final ServiceClock clock;
    private final ObjectMapper json;

    public CaseActions(Pool pool, CaseReader reader, CaseRecord record, DeadlineService sla, ServiceClock clock, ObjectMapper json) {
        this.pool = pool;
        this.reader = reader;
        this.record = record;
        this.sla = sla;
        this.clock = clock;
        this.json = json;
    }

    /** The case as locked for an action. */
    private record Current(long id, String code, CaseStatus status, int version, RuleSet rules, boolean supervised, JsonObject leader,
                           String unitCode, String unitLevel, String category, String countyCode, String townshipCode,
                           CaseHistory history, List<Deadline> deadlines) {}

    /** Takes the action as the caller, who must see the case (else 403, and nothing changes). */
    public Uni<CaseView> take(String typedCode, String actionName, ActionRequest request, String ifMatch, Caller caller) {
        String code = CaseCode.parse(typedCode).text();
        CaseAction action = CaseAction.of(actionName).orElseThrow(() -> ProblemException.notFound(
                "There is no action \"%s\"; the actions are %s.".formatted(actionName,
                        java.util.Arrays.stream(CaseAction.values()).map(CaseAction::path).toList())));
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                SELECT c.id, c.status, c.version, c.rule_set, c.category, c.supervised, c.county_code, c.township_code,
                                       c.leader, u.code AS unit_code, u.level AS unit_level,
                                       coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid
                                  FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id WHERE c.code = $1 FOR UPDATE OF c""")
                        .execute(Tuple.of(code))
                        .chain(rows -> {
                            if (rows.size() == 0) throw ProblemException.notFound("No case has code %s.".formatted(code));
                            Row row = rows.iterator().next();
                            if (!caller.seesCase(row.getString("grid"), row.getString("unit_code"))) throw outsideScope(code, caller);
                            return record.history(tx, row.getLong("id")).map(history -> current(code, row, history));
                        })
                        .chain(current -> {
                            check(action, current, ifMatch);
                            Uni<ActionRequest> resolved = action == CaseAction.MEDIATE
                                    ? Mediations.resolved(tx, request, code, current.category()) : Uni.createFrom().item(request);
                            return resolved.chain(sent -> change(tx, action, sent, current)
                                    .chain(change -> apply(tx, action, sent, current, change, caller)));
                        }))
                .invoke(record::committed)
                .chain(() -> reader.view(code));
    }

    /** The locked case with its history and the deadlines that history gives, counted once for all the checks. */
    private Current current(String code, Row row, CaseHistory history) {
        String ruleSet = row.getString("rule_set");
        return new Current(row.getLong("id"), code, CaseStatus.ofCode(row.getString("status")), row.getInteger("version"),
                sla.rules(ruleSet), row.getBoolean("supervised"), row.getJsonObject("leader"),
                row.getString("unit_code"), row.getString("unit_level"), row.getString("category"), row.getString("county_code"),
                row.getString("township_code"), history, sla.after(ruleSet, history));
    }

    /** 403 for a case the caller may not see, saying whose it is to handle. */
    public static ProblemException outsideScope(String code, Caller caller) {
        String scope = caller.role() == Role.HANDLER ? "the cases unit %s holds".formatted(caller.unit())
                : "the cases of grid %s and what lies in it".formatted(caller.grid());
        return new ProblemException(ProblemType.OUTSIDE_SCOPE,
                "Case %s is not yours to see or handle: you see %s. Ask the command centre to dispatch it if it should be."
                        .formatted(code, scope));
    }

    private void check(CaseAction action, Current current, String ifMatch) {
        if (ifMatch != null && !ifMatch.replace("W/", "").replace("\"", "").trim().equals(String.valueOf(current.version()))) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Case %s has changed since you read it (it is at version %d, you sent %s); read it again and decide anew."
                            .formatted(current.code(), current.version(), ifMatch));
        }
        Set<DeadlineKind> open = current.deadlines().stream().filter(Deadline::isOpen).map(Deadline::kind).collect(Collectors.toSet());
        List<String> allowed = CaseAction.allowedIn(current.status(), current.rules(), open);
        action.refusal(current.status(), current.rules(), open).ifPresent(refusal -> {
            String code = current.code();
            throw conflict(switch (refusal) {
                case NOT_ITS_RULES -> "%s is not a step of %s, the rules case %s is handled by; allowed now: %s."
                        .formatted(action.path(), current.rules().name(), code, allowed);
                case NOT_IN_THIS_STATE -> "%s is not allowed while case %s is %s; allowed now: %s."
                        .formatted(action.path(), code, current.status().code(), allowed);
                case DECISION_FIRST -> ("Case %s is a petition: it is first accepted (accept) or transferred to the body with "
                        + "authority over it (transfer), within 15 days of receipt (信访工作条例 第22条); dispatch it once accepted.")
                        .formatted(code);
                case NOTHING_OPEN -> switch (action) {
                    case REQUEST_REVIEW -> "Case %s has no written reply open to a review (复查): a review is asked for once, of a reply."
                            .formatted(code);
                    case REQUEST_RE_REVIEW -> "Case %s has no review opinion open to a re-review (复核): a re-review follows a review opinion, once."
                            .formatted(code);
                    default -> "Case %s has no open %s deadline to extend: it starts when the petition is accepted, and ends when met."
                            .formatted(code, current.rules().extension().kind());
                };
            }, current, allowed);
        });
    }

    private static ProblemException conflict(String detail, Current current, List<String> allowed) {
        return new ProblemException(ProblemType.ACTION_NOT_ALLOWED, detail, List.of(),
                Map.of("caseStatus", current.status().code(), "allowed", allowed));
    }

    /**
     * What an action does to the case row, apart from a unit it names (dispatch, transfer, escalation,
     * review): its state (an unsatisfied rating reopens it, 不满意可重办), the unit cleared when it is
     * returned or objected to, 督办, the lead leader. One rule for the API and the demo month's playthrough.
     */
    static Change rowChange(ObjectMapper json, CaseAction action, ActionRequest request, CaseStatus status, boolean supervised,
                            JsonObject leader) {
        CaseStatus next = reopens(action, request) ? CaseAction.REOPENED_STATUS : action.to() != null ? action.to() : status;
        boolean clearUnit = action == CaseAction.RETURN || action == CaseAction.OBJECT;
        JsonObject lead = action == CaseAction.ASSIGN_LEADER && request.leader() != null
                ? new JsonObject(json.valueToTree(request.leader()).toString()) : leader;
        return new Change(next, null, clearUnit, supervised || action == CaseAction.SUPERVISE, lead);
    }

    /** Whether the action reopens the case: an unsatisfied rating. */
    static boolean reopens(CaseAction action, ActionRequest request) {
        return action == CaseAction.EVALUATE && request.rating() == ActionRequest.Rating.UNSATISFIED;
    }

    /** The event a reopening adds after the rating: the case back with the unit that handled it. */
    static CaseRecord.NewEvent reopened(String actor, Instant at, String unitCode) {
        return new CaseRecord.NewEvent(CaseAction.REOPENED, actor, at, new JsonObject().put("unit", unitCode).put("reason", "不满意重办"));
    }

    private Uni<Change> change(SqlConnection tx, CaseAction action, ActionRequest request, Current current) {
        Change same = rowChange(json, action, request, current.status(), current.supervised(), current.leader());
        if (action.byTheHolder()) holds(request, current);
        return switch (action) {
            case REJECT -> {
                required("reason", request.reason(), "say why the case is not taken on, and where the resident can turn");
                yield Uni.createFrom().item(same);
            }
            case RETURN, OBJECT -> {
                if (action == CaseAction.OBJECT) holds(request, current);
                required("reason", request.reason(), action == CaseAction.OBJECT
                        ? "say why the petition is not your body's matter (异议须详细说明理由)" : "say why");
                yield Uni.createFrom().item(same);
            }
            case DISPATCH, TRANSFER -> {
                required("unit", request.unit(), action == CaseAction.TRANSFER
                        ? "name the body with authority over the petition (its unit code)" : "name the unit to dispatch to (its code)");
                yield unitId(tx, request.unit()).map(id -> withUnit(same, id));
            }
            case ACCEPT -> {
                if (current.status() == CaseStatus.TRANSFERRED) holds(request, current);
                yield Uni.createFrom().item(same);
            }
            case ESCALATE -> {
                required("reason", request.reason(), "say why the unit cannot solve it");
                yield unitId(tx, levelAbove(current)).map(id -> withUnit(same, id));
            }
            case REQUEST_REVIEW, REQUEST_RE_REVIEW -> {
                withinRight(action, current);
                required("reason", request.reason(), "say what the petitioner contests");
                yield request.unit() == null ? Uni.createFrom().item(same) : unitId(tx, request.unit()).map(id -> withUnit(same, id));
            }
            case ANSWER_REVIEW, ANSWER_RE_REVIEW -> {
                required("reason", request.reason(), "give the opinion (复查意见 / 复核意见) in short");
                yield Uni.createFrom().item(same);
            }
            case EVALUATE -> {
                if (request.rating() == null) throw invalid("rating", "give the rating: 满意, 基本满意 or 不满意");
                yield Uni.createFrom().item(same);
            }
            case SUPERVISE -> {
                required("reason", request.reason(), "write the supervision note (督办意见)");
                yield Uni.createFrom().item(same);
            }
            case ASSIGN_LEADER -> {
                leaderComplete(request.leader());
                yield Uni.createFrom().item(same);
            }
            case EXTEND -> {
                List<String> refusals = sla.refusalsOfExtension(current.rules().id(), current.history(),
                        request.days() == null ? 0 : request.days(), request.reason());
                if (!refusals.isEmpty()) {
                    throw new ProblemException(ProblemType.CONFLICT, "The extension cannot be granted: " + String.join("; ", refusals) + ".");
                }
                yield Uni.createFrom().item(same);
            }
            case MERGE, KEEP_SEPARATE -> {
                required("other", request.other(), "name the other case of the possible duplicate (its code)");
                yield decide(tx, current.id(), CaseCode.parse(request.other()).text(), action == CaseAction.MERGE)
                        .replaceWith(same);
            }
            case CLAIM, CONTACT, FIRST_ANSWER, REPLY, FINISH, ARCHIVE, MEDIATE -> Uni.createFrom().item(same);
        };
    }

    /** 四定: the lead leader, the responsible unit and person, and the date it is finished by, which cannot be past. */
    private void leaderComplete(ActionRequest.Leader leader) {
        if (leader == null) throw invalid("leader", "give the four fixes (四定): leader, unit, person and deadline");
        leader.pastDeadline(WorkingCalendar.dayOf(clock.now()), "leader.deadline").ifPresent(past -> {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The action needs more; see errors.", List.of(past));
        });
    }

    /** A petitioner's right (复查, 复核) is used within its time (the refusal has checked that one is open). */
    private void withinRight(CaseAction action, Current current) {
        var right = current.deadlines().stream().filter(d -> d.isOpen() && action.usedOn(d.kind(), current.rules())).findFirst();
        if (right.isPresent() && clock.now().isAfter(right.get().due())) {
            throw new ProblemException(ProblemType.CONFLICT, "The time to ask for it ended at %s (%s); the same facts are not taken up again."
                    .formatted(ServiceClock.local(right.get().due()), right.get().kind()));
        }
    }

    private Uni<Void> apply(SqlConnection tx, CaseAction action, ActionRequest request, Current current, Change change, Caller caller) {
        JsonObject payload = payload(json, request, current.status());
        var now = clock.now();
        Uni<Void> written = record.change(tx, current.id(), change)
                .chain(() -> record.append(tx, current.id(), new CaseRecord.NewEvent(action.eventType(), caller.actorName(), now, payload)));
        if (reopens(action, request)) {
            written = written.chain(() -> record.append(tx, current.id(), reopened(caller.actorName(), now, current.unitCode())));
        }
        return written.chain(() -> record.refreshDeadlines(tx, current.id(), current.rules().id())).replaceWithVoid();
    }

    /** An action's event payload: the request as sent, without empty fields, and the state it was taken from. */
    static JsonObject payload(ObjectMapper json, ActionRequest request, CaseStatus from) {
        JsonObject payload = new JsonObject(json.valueToTree(request).toString()).put("from", from.code());
        // The signed-in user is the actor; a name given in the request is whom they acted for (a call from a grid worker).
        Object onBehalfOf = payload.remove("actor");
        if (onBehalfOf != null) payload.put("onBehalfOf", onBehalfOf);
        payload.fieldNames().removeIf(name -> payload.getValue(name) == null);
        return payload;
    }

    /** Records the centre's decision on a possible duplicate; a merged case points to the one it went into. */
    private Uni<Void> decide(SqlConnection tx, long caseId, String otherCode, boolean merge) {
        return tx.preparedQuery("""
                        UPDATE case_link l SET decision = $3
                          FROM "case" o
                         WHERE o.code = $2 AND ((l.case_id = $1 AND l.other_id = o.id) OR (l.case_id = o.id AND l.other_id = $1))
                        RETURNING o.id""")
                .execute(Tuple.of(caseId, otherCode, merge ? "merged" : "kept"))
                .chain(rows -> {
                    if (rows.size() == 0) throw invalid("other", "%s is not linked to this case as a possible duplicate".formatted(otherCode));
                    long otherId = rows.iterator().next().getLong("id");
                    return merge ? record.mergeInto(tx, caseId, otherId) : Uni.createFrom().voidItem();
                });
    }

    /** Only the unit that holds a case claims, contacts, replies and finishes it. */
    private static void holds(ActionRequest request, Current current) {
        required("unit", request.unit(), "name your unit (its code): only the unit holding the case acts on it");
        String holder = current.unitCode();
        if (!request.unit().equals(holder)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Unit %s does not hold this case; %s does.".formatted(request.unit(), holder == null ? "no unit" : holder),
                    List.of(new FieldError("unit", "not the unit holding the case")));
        }
    }

    /** 逐级上报: village committee -> township office -> the county department for the category. */
    private static String levelAbove(Current current) {
        String level = current.unitLevel();
        if (level == null || level.equals("county")) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is already at the county level (or held by no unit); "
                    + "there is no level above to escalate to.");
        }
        return unitAbove(level, current.townshipCode(), current.countyCode(), current.category());
    }

    /** The unit above a village committee or a township office, for a case of the category in that township and county. */
    static String unitAbove(String level, String townshipCode, String countyCode, String category) {
        return level.equals("village") ? townshipCode : countyCode + "-" + category;
    }

    private static Uni<Integer> unitId(SqlConnection tx, String unitCode) {
        return tx.preparedQuery("SELECT id FROM unit WHERE code = $1").execute(Tuple.of(unitCode)).map(rows -> {
            if (rows.size() == 0) throw invalid("unit", "no unit has code " + unitCode);
            return rows.iterator().next().getInteger("id");
        });
    }

    private static Change withUnit(Change change, int unitId) {
        return new Change(change.status(), unitId, false, change.supervised(), change.leader());
    }

    private static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) throw invalid(field, message);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The action needs more; see errors.",
                List.of(new FieldError(field, message)));
    }
}
