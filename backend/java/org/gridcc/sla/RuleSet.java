package org.gridcc.sla;

import java.util.EnumSet;
import java.util.List;

/**
 * A set of deadline rules, read from {@code sla/<id>.json} by {@link RuleSets}.
 *
 * <p>{@code lastDayOffMovesToNextWorkingDay}: when a period of CALENDAR_DAYS ends on a day that is
 * not a working day, it ends instead at the end of the next working day (民法典 第203条, applied to
 * periods set by regulations); {@code note} says why a rule set does or does not do this.
 * {@code extension} is null when no deadline can be extended.
 */
public record RuleSet(
        String id,
        String name,
        String source,
        String note,
        boolean lastDayOffMovesToNextWorkingDay,
        WarningLead warning,
        ExtensionRule extension,
        List<DeadlineRule> kinds) {

    public RuleSet {
        if (id == null || id.isBlank() || warning == null || kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("a rule set needs an id, a default warning and its kinds");
        }
        var seen = EnumSet.noneOf(DeadlineKind.class);
        for (DeadlineRule rule : kinds) {
            if (!seen.add(rule.kind())) {
                throw new IllegalArgumentException("%s is listed twice in %s".formatted(rule.kind(), id));
            }
        }
        if (extension != null) {
            DeadlineRule extended = kinds.stream().filter(rule -> rule.kind() == extension.kind()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the extension of %s names %s, which is not among its kinds".formatted(id, extension.kind())));
            if (extended.unit() != DurationUnit.CALENDAR_DAYS) {
                throw new IllegalArgumentException("an extension adds natural days, so %s must count in CALENDAR_DAYS, not %s"
                        .formatted(extension.kind(), extended.unit()));
            }
        }
        kinds = List.copyOf(kinds);
    }

    /** Whether a deadline of this rule set starts with or is met by the event; EXTENDED when it allows an extension. */
    public boolean names(CaseEvent event) {
        if (event == CaseEvent.EXTENDED) return extension != null;
        return kinds.stream().anyMatch(rule -> rule.from() == event || rule.metBy().contains(event));
    }

    /** The rule whose deadline is of this kind, if the rule set has one. */
    public java.util.Optional<DeadlineRule> rule(DeadlineKind kind) {
        return kinds.stream().filter(rule -> rule.kind() == kind).findFirst();
    }

    /** The warning of a rule: its own, else the rule set's default. */
    public WarningLead warningOf(DeadlineRule rule) {
        return rule.warning() != null ? rule.warning() : warning;
    }
}
