package org.gridcc.sla;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a calendar entry differs from the ordinary Monday-Friday week. */
public enum DayKind {
    /** An official holiday: no working day even on a weekday. */
    @JsonProperty("off") OFF,
    /** A swapped workday (调休上班): a working day on a weekend. */
    @JsonProperty("work") WORK;

    public String code() {
        return name().toLowerCase();
    }
}
