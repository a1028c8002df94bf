package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a case came in (渠道). */
public enum Channel {
    @JsonProperty("grid_worker") GRID_WORKER("网格员上报"),
    @JsonProperty("window") WINDOW("窗口来访"),
    @JsonProperty("hotline_12345") HOTLINE_12345("12345热线"),
    @JsonProperty("online") ONLINE("网上提交"),
    @JsonProperty("deputy_station") DEPUTY_STATION("代表联络站"),
    @JsonProperty("patrol_inspector") PATROL_INSPECTOR("巡察员上报"),
    @JsonProperty("open311") OPEN311("外部系统接入（Open311）");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The channel's name on the pages. */
    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }
}
