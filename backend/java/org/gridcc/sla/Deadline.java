package org.gridcc.sla;

import java.time.Instant;

/**
 * A deadline of a case: {@code kind} in handling round {@code round} (0 the first, 1 after the first
 * reopening, ...) is due at {@code due} (the last instant that is on time), warned from
 * {@code warnAt}, counted from the event {@code startedBy}; {@code metAt} is when the first event
 * that meets it happened, null while it is open. {@code provisional}: counted over a year whose
 * official calendar is not loaded, so the ordinary week stood in for it.
 */
public record Deadline(DeadlineKind kind, int round, Instant due, Instant warnAt, CaseEvent startedBy, Instant metAt,
                       boolean provisional) {

    /** The status at {@code now}; an event later than {@code now} has not happened yet. */
    public DeadlineStatus statusAt(Instant now) {
        if (metAt != null && !metAt.isAfter(now)) {
            return metAt.isAfter(due) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        }
        if (now.isAfter(due)) {
            return kind.isOption() ? DeadlineStatus.LAPSED : DeadlineStatus.OVERDUE;
        }
        return now.isBefore(warnAt) ? DeadlineStatus.RUNNING : DeadlineStatus.WARNED;
    }

    public boolean isOpen() {
        return metAt == null;
    }
}
