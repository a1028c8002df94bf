package org.gridcc.sla;

/**
 * An extension a rule set allows: the deadline {@code kind} may be moved {@code maxTimes} times by
 * at most {@code maxDays} natural days each, with a reason when {@code reasonRequired}.
 */
public record ExtensionRule(DeadlineKind kind, int maxTimes, int maxDays, boolean reasonRequired, String source) {

    public ExtensionRule {
        if (kind == null || maxTimes < 1 || maxDays < 1) {
            throw new IllegalArgumentException("an extension names the deadline it moves and positive maxTimes and maxDays");
        }
    }
}
