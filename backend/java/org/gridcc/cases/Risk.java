package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Risk of a case, which decides the level that handles it (Lushui: 村级调、乡级办、市级统). */
public enum Risk {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH;

    public String code() {
        return name().toLowerCase();
    }
}
