package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcc.sla.CaseHistory;
import org.gridcc.sla.Deadline;
import org.gridcc.sla.DeadlineKind;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.RuleSet;
import org.gridcc.sla.WorkingCalendar;

/**
 * One case played through the closed loop by the service's own rules, up to a given now: each action
 * is checked as {@link CaseActions} checks it (the state, the rule set, the open deadlines, the unit
 * holding the case), its event carries the payload and changes the row as the action would have
 * ({@link CaseActions#payload}, {@link CaseActions#rowChange}), and between two
 * actions the sweeper's notices fall due as {@link DeadlineSweeper} would have written them. An action
 * at or after now is not taken: the case stays where it is. A refused action is a mistake of the
 * caller, not of the data, and throws.
 */
final class CasePlaythrough {

    /** Where a case is held: the unit's id, code and level. */
    record Unit(int id, String code, String level) {}

    private final DeadlineService sla;
    private final WorkingCalendar calendar;
    private final DeadlineSweeper sweeper;
    private final ObjectMapper json;
    private final Instant now;
    private final String ruleSet;
    private final RuleSet rules;
    private final Instant receivedAt;
    private final List<CaseRecord.NewEvent> events = new ArrayList<>();
    private final List<SeededCase.Alert> alerts = new ArrayList<>();
    private final Set<String> noticed = new HashSet<>();
    private CaseHistory history = CaseHistory.none();
    private CaseStatus status = CaseStatus.RECEIVED;
    private Unit unit;
    private boolean supervised;
    private JsonObject leader;
    private int version;
    private Instant last;

    CasePlaythrough(DeadlineService sla, WorkingCalendar calendar, DeadlineSweeper sweeper, ObjectMapper json, Instant now,
                    String ruleSet, CaseRecord.NewEvent received, Unit unit) {
        this.sla = sla;
        this.calendar = calendar;
        this.sweeper = sweeper;
        this.json = json;
        this.now = now;
        this.ruleSet = ruleSet;
        this.rules = sla.rules(ruleSet);
        this.receivedAt = received.at();
        this.unit = unit;
        this.last = received.at();
        record(received);
    }

    /** Takes the action at {@code at}, the case held by {@code to} after it when it moves; false when {@code at} is not before now. */
    boolean act(CaseAction action, ActionRequest request, String actor, Instant at, Unit to) {
        at = at.truncatedTo(ChronoUnit.SECONDS);
        if (!at.isAfter(last)) at = last.plusSeconds(1);
        if (!at.isBefore(now)) return false;
        sweepUntil(at);
        var refusal = action.refusal(status, rules, openKinds());
        if (refusal.isPresent()) throw new IllegalStateException("%s refused in %s: %s".formatted(action, status, refusal.get()));
        if (action.byTheHolder() && (unit == null || !unit.code().equals(request.unit()))) {
            throw new IllegalStateException("%s by %s, but %s holds the case".formatted(action, request.unit(), unit));
        }
        CaseStatus from = status;
        record(new CaseRecord.NewEvent(action.eventType(), actor, at, CaseActions.payload(json, request, from)));
        CaseRecord.Change change = CaseActions.rowChange(json, action, request, status, supervised, leader);
        status = change.status();
        supervised = change.supervised();
        leader = change.leader();
        if (change.clearUnit()) unit = null;
        if (to != null) unit = to;
        if (CaseActions.reopens(action, request)) record(CaseActions.reopened(actor, at, unit.code()));
        version++;
        return true;
    }

    /** When the first of its open duties falls overdue after the last entry, if that is before {@code until} (the centre's cue to supervise). */
    Optional<Instant> overdueBefore(Instant until) {
        if (!status.isOpen()) return Optional.empty();
        return deadlines().stream().filter(d -> d.isOpen() && !d.kind().isOption())
                .flatMap(d -> sweeper.notices(d).stream().filter(n -> n.level().equals("OVERDUE")))
                .map(n -> ceilSecond(n.from())).filter(at -> at.isAfter(last) && at.isBefore(until)).min(Instant::compareTo);
    }

    Unit unit() {
        return unit;
    }

    boolean supervised() {
        return supervised;
    }

    /** The time of the last entry of the history. */
    Instant last() {
        return last;
    }

    /** The case as it stands at now: its notices up to now, its deadlines from its history. */
    SeededCase done(SeededCase intake, List<SeededCase.Link> links) {
        sweepUntil(now);
        return new SeededCase(intake.id(), intake.code(), intake.channel(), intake.category(), intake.risk(), intake.title(),
                intake.description(), intake.reporterName(), intake.reporterPhone(), intake.lon(), intake.lat(), intake.gridVersion(),
                intake.chain(), status, unit == null ? null : unit.id(), ruleSet, supervised, leader, receivedAt, version,
                version == 0 ? receivedAt : lastAction(), List.copyOf(events), deadlines(), List.copyOf(alerts), links);
    }

    List<CaseRecord.NewEvent> events() {
        return events;
    }

    private Instant lastAction() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!events.get(i).actor().equals(DeadlineSweeper.ACTOR)) return events.get(i).at();
        }
        return receivedAt;
    }

    /** What the sweeper writes on the open duties of an open case until just before {@code until} (and not after now). */
    private void sweepUntil(Instant until) {
        if (!status.isOpen()) return;
        record Due(Deadline deadline, DeadlineSweeper.Notice notice, Instant at) {}
        var due = new ArrayList<Due>();
        for (Deadline d : deadlines()) {
            if (!d.isOpen() || d.kind().isOption()) continue;
            for (DeadlineSweeper.Notice notice : sweeper.notices(d)) {
                // A sweep runs at whole seconds; none writes twice what it recorded once.
                Instant at = ceilSecond(notice.from().isBefore(last) ? last : notice.from());
                if (at.isBefore(until) && !at.isAfter(now) && noticed.add(d.kind() + "|" + notice.level() + "|" + d.due() + "|" + notice.n())) {
                    due.add(new Due(d, notice, at));
                }
            }
        }
        due.sort((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at()) : a.deadline().due().compareTo(b.deadline().due()));
        for (Due d : due) {
            alerts.add(new SeededCase.Alert(d.deadline().kind().name(), d.notice().level(), d.deadline().due(), d.notice().n(), d.at()));
            record(new CaseRecord.NewEvent(d.notice().level(), DeadlineSweeper.ACTOR, d.at(), sweeper.payload(d.deadline(), d.notice())));
        }
    }

    private void record(CaseRecord.NewEvent event) {
        events.add(event);
        history = CaseRecord.plus(history, event.type(), event.at(), event.payload(), receivedAt);
        last = event.at();
    }

    private List<Deadline> deadlines() {
        return sla.after(ruleSet, history, calendar);
    }

    private Set<DeadlineKind> openKinds() {
        return deadlines().stream().filter(Deadline::isOpen).map(Deadline::kind).collect(Collectors.toSet());
    }

    private static Instant ceilSecond(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.SECONDS);
        return down.equals(at) ? at : down.plusSeconds(1);
    }
}
