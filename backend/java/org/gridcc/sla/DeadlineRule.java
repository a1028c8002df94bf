package org.gridcc.sla;

import java.util.List;

/**
 * One deadline of a rule set: it starts with the event {@code from}, lasts {@code amount} of
 * {@code unit} ({@code amount} is 0 for the fixed days SAME_DAY and NEXT_WORKING_DAY), and is met
 * by the first of the events {@code metBy}. {@code warning} overrides the rule set's default.
 * {@code source} quotes where the limit comes from; {@code note} says what was read into it.
 */
public record DeadlineRule(
        DeadlineKind kind,
        CaseEvent from,
        int amount,
        DurationUnit unit,
        List<CaseEvent> metBy,
        WarningLead warning,
        String source,
        String note) {

    public DeadlineRule {
        if (kind == null || from == null || unit == null) {
            throw new IllegalArgumentException("a deadline needs its kind, the event it counts from (from) and a unit");
        }
        if (unit.takesAmount() && amount < 1) {
            throw new IllegalArgumentException("%s counts in %s and needs a positive amount, not %d".formatted(kind, unit, amount));
        }
        if (!unit.takesAmount() && amount != 0) {
            throw new IllegalArgumentException("%s is a fixed day (%s) and takes no amount".formatted(kind, unit));
        }
        if (metBy == null || metBy.isEmpty()) {
            throw new IllegalArgumentException("%s needs the events that meet it (metBy)".formatted(kind));
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("%s needs its source: where does the limit come from?".formatted(kind));
        }
        metBy = List.copyOf(metBy);
    }
}
