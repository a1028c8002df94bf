package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Risk of a case, which decides the level that handles it (Lushui: 村级调、乡级办、市级统). */
public enum Risk {
    @JsonProperty("low") LOW("低"),
    @JsonProperty("medium") MEDIUM("中"),
    @JsonProperty("high") HIGH("高");

    private final String label;

    Risk(String label) {
        this.label = label;
    }

    /** The risk's name on the pages. */
    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }
}
