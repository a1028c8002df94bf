package org.gridcc.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to a case, in the order it was recorded, as far as deadlines care: the events
 * that start or meet a deadline, the extensions granted, the leader's deadline of a 包案 and the
 * reopenings. Every occurrence is kept: a deadline is met by the first event that meets it.
 */
public record CaseHistory(List<Occurrence> occurrences) {

    /**
     * One entry: an event at a time; {@code extensionDays} for an extension, {@code until} for the
     * date a lead leader set (包案 定办结时限).
     */
    public record Occurrence(CaseEvent event, Instant at, int extensionDays, LocalDate until) {
        public Occurrence {
            if (event == null || at == null) throw new IllegalArgumentException("an occurrence needs its event and time");
            if (extensionDays < 0) throw new IllegalArgumentException("an extension cannot be negative: " + extensionDays);
            if (extensionDays > 0 != (event == CaseEvent.EXTENDED)) {
                throw new IllegalArgumentException("only an EXTENDED occurrence carries days, and it must carry some");
            }
            if (until != null != (event == CaseEvent.LEADER_ASSIGNED)) {
                throw new IllegalArgumentException("only a LEADER_ASSIGNED occurrence carries a date, and it must carry one");
            }
        }
    }

    public CaseHistory {
        occurrences = List.copyOf(occurrences);
    }

    public static CaseHistory none() {
        return new CaseHistory(List.of());
    }

    public CaseHistory with(CaseEvent event, Instant at) {
        return plus(new Occurrence(event, at, 0, null));
    }

    /** An extension of {@code days} natural days, granted at the time of the last entry. */
    public CaseHistory extendedBy(int days) {
        if (days < 0) throw new IllegalArgumentException("an extension cannot be negative: " + days);
        return days == 0 ? this : plus(new Occurrence(CaseEvent.EXTENDED, lastTime(), days, null));
    }

    public CaseHistory extendedBy(int days, Instant at) {
        return plus(new Occurrence(CaseEvent.EXTENDED, at, days, null));
    }

    /** A lead leader took the case on (包案) at {@code at}, to be finished by the end of {@code until}. */
    public CaseHistory ledUntil(LocalDate until, Instant at) {
        return plus(new Occurrence(CaseEvent.LEADER_ASSIGNED, at, 0, until));
    }

    /**
     * The rounds of handling: the first from the start, each later one from a reopening (重办,
     * after the resident was not satisfied). Deadlines are counted within their round.
     */
    List<List<Occurrence>> rounds() {
        var rounds = new ArrayList<List<Occurrence>>();
        var current = new ArrayList<Occurrence>();
        for (Occurrence o : occurrences) {
            if (o.event() == CaseEvent.REOPENED && !current.isEmpty()) {
                rounds.add(current);
                current = new ArrayList<>();
            }
            current.add(o);
        }
        rounds.add(current);
        return rounds;
    }

    private Instant lastTime() {
        if (occurrences.isEmpty()) throw new IllegalStateException("an extension follows an event");
        return occurrences.get(occurrences.size() - 1).at();
    }

    private CaseHistory plus(Occurrence occurrence) {
        var copy = new ArrayList<>(occurrences);
        copy.add(occurrence);
        return new CaseHistory(copy);
    }
}
