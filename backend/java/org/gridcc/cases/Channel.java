package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a case came in (渠道). */
public enum Channel {
    @JsonProperty("grid_worker") GRID_WORKER,
    @JsonProperty("window") WINDOW,
    @JsonProperty("hotline_12345") HOTLINE_12345,
    @JsonProperty("online") ONLINE,
    @JsonProperty("deputy_station") DEPUTY_STATION,
    @JsonProperty("patrol_inspector") PATROL_INSPECTOR,
    @JsonProperty("open311") OPEN311;

    public String code() {
        return name().toLowerCase();
    }
}
