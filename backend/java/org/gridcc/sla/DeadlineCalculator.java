package org.gridcc.sla;

import static org.gridcc.sla.WorkingCalendar.dayOf;
import static org.gridcc.sla.WorkingCalendar.endOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that computes deadlines: what a rule set says, applied to a case's events on the
 * official calendar. See {@link WorkingCalendar} for the day conventions and {@link DurationUnit}
 * for each unit, including a SAME_DAY case taken in on a holiday.
 */
public final class DeadlineCalculator {

    private DeadlineCalculator() {}

    /**
     * The deadlines a case has: one for each rule whose start event has happened, in the rule set's
     * order, met or not. An extension moves the rule set's extendable deadline by the days granted.
     */
    public static List<Deadline> deadlines(RuleSet rules, WorkingCalendar calendar, CaseEvents events) {
        if (events.extensionDays() > 0 && rules.extension() == null) {
            throw new IllegalArgumentException("the rule set %s allows no extension".formatted(rules.id()));
        }
        var deadlines = new ArrayList<Deadline>();
        for (DeadlineRule rule : rules.kinds()) {
            events.at(rule.from()).ifPresent(start -> {
                boolean extended = rules.extension() != null && rules.extension().kind() == rule.kind();
                Instant due = due(rule, start, extended ? events.extensionDays() : 0, calendar, rules.lastDayOffMovesToNextWorkingDay());
                Instant warnAt = warnAt(rules.warningOf(rule), start, due);
                deadlines.add(new Deadline(rule.kind(), due, warnAt, rule.from(), metAt(rule, events)));
            });
        }
        return List.copyOf(deadlines);
    }

    /**
     * Why an extension of {@code days} natural days cannot be granted, after {@code extensionsGranted}
     * earlier ones; empty when it can.
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

    private static Instant metAt(DeadlineRule rule, CaseEvents events) {
        return rule.metBy().stream()
                .flatMap(event -> events.at(event).stream())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
