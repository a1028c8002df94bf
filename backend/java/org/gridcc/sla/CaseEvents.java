package org.gridcc.sla;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** When each event of a case happened, and the natural days its extendable deadline was extended by. */
public record CaseEvents(Map<CaseEvent, Instant> times, int extensionDays) {

    public CaseEvents {
        if (extensionDays < 0) {
            throw new IllegalArgumentException("an extension cannot be negative: " + extensionDays);
        }
        times = Map.copyOf(times);
    }

    public static CaseEvents none() {
        return new CaseEvents(Map.of(), 0);
    }

    public CaseEvents with(CaseEvent event, Instant at) {
        var copy = new EnumMap<CaseEvent, Instant>(CaseEvent.class);
        copy.putAll(times);
        copy.put(event, at);
        return new CaseEvents(copy, extensionDays);
    }

    public CaseEvents extendedBy(int days) {
        return new CaseEvents(times, extensionDays + days);
    }

    public Optional<Instant> at(CaseEvent event) {
        return Optional.ofNullable(times.get(event));
    }
}
