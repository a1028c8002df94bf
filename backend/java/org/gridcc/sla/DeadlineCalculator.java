package org.gridcc.sla;

import static org.gridcc.sla.WorkingCalendar.dayOf;
import static org.gridcc.sla.WorkingCalendar.endOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridcc.sla.CaseHistory.Occurrence;

/**
 * The one place that computes deadlines: what a rule set says, applied to a case's history on the
 * official calendar. See {@link WorkingCalendar} for the day conventions and {@link DurationUnit}
 * for each unit, including a SAME_DAY case taken in on a holiday.
 *
 * <p>A history falls into rounds: the first from the start, one more after each reopening (不满意重办).
 * In a round, each rule starts at the first event it counts from and is met by the first event
 * after that which meets it; a later event of the same kind changes nothing (the history is never
 * rewritten). A reopening stands for the receipt, acceptance and dispatch of its round, so the
 * re-handling gets the rule set's deadlines counted from the reopening.
 */
public final class DeadlineCalculator {

    /** What a reopening stands for in its round. */
    private static final Set<CaseEvent> REOPENING_STANDS_FOR = Set.of(CaseEvent.REOPENED, CaseEvent.RECEIVED, CaseEvent.ACCEPTED,
            CaseEvent.DISPATCHED);

    private DeadlineCalculator() {}

    /**
     * The deadlines a case has: per round, one for each rule whose start event has happened, in the
     * rule set's order, met or not, then the lead leader's (包案) if one set a date. An extension
     * moves the round's extendable deadline by the days granted in the round.
     */
    public static List<Deadline> deadlines(RuleSet rules, WorkingCalendar calendar, CaseHistory history) {
        var deadlines = new ArrayList<Deadline>();
        var rounds = history.rounds();
        for (int round = 0; round < rounds.size(); round++) {
            List<Occurrence> events = rounds.get(round);
            int extension = events.stream().mapToInt(Occurrence::extensionDays).sum();
            if (extension > 0 && rules.extension() == null) {
                throw new IllegalArgumentException("the rule set %s allows no extension".formatted(rules.id()));
            }
            for (DeadlineRule rule : rules.kinds()) {
                int start = first(events, Set.of(rule.from()), 0);
                if (start < 0) continue;
                Instant from = events.get(start).at();
                boolean extended = rules.extension() != null && rules.extension().kind() == rule.kind();
                Instant due = due(rule, from, extended ? extension : 0, calendar, rules.lastDayOffMovesToNextWorkingDay());
                deadlines.add(new Deadline(rule.kind(), round, due, warnAt(rules.warningOf(rule), from, due), rule.from(),
                        metAt(events, Set.copyOf(rule.metBy()), start), provisional(rule, rules, from, due, calendar)));
            }
            leaderDeadline(rules, events, round).ifPresent(deadlines::add);
        }
        return List.copyOf(deadlines);
    }

    /**
     * Why an extension of {@code days} natural days cannot be granted now, after the history so far;
     * empty when it can. Only an open extendable deadline of the current round can be extended.
     */
    public static List<String> refusalsOfExtension(RuleSet rules, WorkingCalendar calendar, CaseHistory history, int days,
                                                   String reason) {
        var rounds = history.rounds();
        int round = rounds.size() - 1;
        int granted = (int) rounds.get(round).stream().filter(o -> o.event() == CaseEvent.EXTENDED).count();
        var refusals = new ArrayList<>(validateExtension(rules, granted, days, reason));
        if (rules.extension() != null) {
            boolean open = deadlines(rules, calendar, history).stream()
                    .anyMatch(d -> d.round() == round && d.kind() == rules.extension().kind() && d.isOpen());
            if (!open) {
                refusals.add(0, "there is no open %s deadline to extend (it starts with %s and ends when met)".formatted(
                        rules.extension().kind(), rules.kinds().stream().filter(r -> r.kind() == rules.extension().kind())
                                .findFirst().orElseThrow().from()));
            }
        }
        return List.copyOf(refusals);
    }

    /**
     * Why an extension of {@code days} natural days cannot be granted, after {@code extensionsGranted}
     * earlier ones in the round; empty when it can.
     */
    public static List<String> validateExtension(RuleSet rules, int extensionsGranted, int days, String reason) {
        ExtensionRule extension = rules.extension();
        if (extension == null) {
            return List.of("%s allows no extension of any deadline".formatted(rules.name()));
        }
        var refusals = new ArrayList<String>();
        if (extensionsGranted >= extension.maxTimes()) {
            refusals.add("the %s deadline may be extended %s and already was".formatted(
                    extension.kind(), extension.maxTimes() == 1 ? "only once" : extension.maxTimes() + " times"));
        }
        if (days < 1) {
            refusals.add("an extension must be at least one day, not %d".formatted(days));
        }
        if (days > extension.maxDays()) {
            refusals.add("an extension may be at most %d days, not %d".formatted(extension.maxDays(), days));
        }
        if (extension.reasonRequired() && (reason == null || reason.isBlank())) {
            refusals.add("give the reason: the petitioner must be told why the deadline moves");
        }
        return List.copyOf(refusals);
    }

    /** The 包案 deadline of a round: the last date a lead leader set in it, met when the case is finished. */
    private static Optional<Deadline> leaderDeadline(RuleSet rules, List<Occurrence> events, int round) {
        int last = -1;
        for (int i = 0; i < events.size(); i++) if (events.get(i).event() == CaseEvent.LEADER_ASSIGNED) last = i;
        if (last < 0) return Optional.empty();
        Instant from = events.get(last).at();
        Instant due = endOf(events.get(last).until());
        Instant warnAt = warnAt(rules.warning(), from, due.isBefore(from) ? from : due);
        return Optional.of(new Deadline(DeadlineKind.CASE_LEAD, round, due, warnAt, CaseEvent.LEADER_ASSIGNED,
                metAt(events, Set.of(CaseEvent.FINISHED), last), false));
    }

    /** The index of the first occurrence at or after {@code from} that is (or stands for) one of the events; -1 if none. */
    private static int first(List<Occurrence> events, Set<CaseEvent> wanted, int from) {
        for (int i = from; i < events.size(); i++) {
            CaseEvent event = events.get(i).event();
            if (wanted.contains(event) || event == CaseEvent.REOPENED && wanted.stream().anyMatch(REOPENING_STANDS_FOR::contains)) {
                return i;
            }
        }
        return -1;
    }

    private static Instant metAt(List<Occurrence> events, Set<CaseEvent> metBy, int start) {
        int met = first(events, metBy, start);
        return met < 0 ? null : events.get(met).at();
    }

    /**
     * A deadline counted on working days (or moved off a holiday) over a year whose calendar is not
     * loaded was counted on the ordinary week: it may move when that year's calendar comes.
     */
    private static boolean provisional(DeadlineRule rule, RuleSet rules, Instant from, Instant due, WorkingCalendar calendar) {
        boolean usesCalendar = switch (rule.unit()) {
            case HOURS -> false;
            case CALENDAR_DAYS -> rules.lastDayOffMovesToNextWorkingDay();
            case WORKING_DAYS, SAME_DAY, NEXT_WORKING_DAY -> true;
        };
        if (!usesCalendar) return false;
        for (int year = dayOf(from).getYear(); year <= dayOf(due.minusNanos(1)).getYear(); year++) {
            if (!calendar.isLoaded(year)) return true;
        }
        return false;
    }

    /**
     * An extension counts like a new period after the last day of the original one, the way an
     * extended time limit runs on from where the original ended: each last day moves off a holiday
     * when the rule set says so.
     */
    private static Instant due(DeadlineRule rule, Instant start, int extensionDays, WorkingCalendar calendar, boolean lastDayOffMoves) {
        LocalDate startDay = dayOf(start);
        return switch (rule.unit()) {
            case HOURS -> start.plus(Duration.ofHours(rule.amount()));
            case CALENDAR_DAYS -> {
                LocalDate last = lastOfNaturalDays(startDay, rule.amount(), calendar, lastDayOffMoves);
                yield endOf(extensionDays > 0 ? lastOfNaturalDays(last, extensionDays, calendar, lastDayOffMoves) : last);
            }
            case WORKING_DAYS -> endOf(calendar.addWorkingDays(startDay, rule.amount()));
            case SAME_DAY -> endOf(calendar.workingDayOnOrAfter(startDay));
            case NEXT_WORKING_DAY -> endOf(calendar.nextWorkingDay(startDay));
        };
    }

    private static LocalDate lastOfNaturalDays(LocalDate from, int days, WorkingCalendar calendar, boolean lastDayOffMoves) {
        LocalDate last = from.plusDays(days);
        return lastDayOffMoves ? calendar.workingDayOnOrAfter(last) : last;
    }

    /** The warning time; never before the deadline started, so a short deadline may be warned at once. */
    private static Instant warnAt(WarningLead warning, Instant start, Instant due) {
        Duration lead = warning.before() != null
                ? warning.before()
                : Duration.ofSeconds(Math.round(Duration.between(start, due).toSeconds() * warning.fraction()));
        Instant warnAt = due.minus(lead);
        return warnAt.isBefore(start) ? start : warnAt;
    }
}
