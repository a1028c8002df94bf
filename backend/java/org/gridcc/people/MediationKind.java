package org.gridcc.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** The three kinds of mediation (三调): people's, administrative and judicial, as the API names them. */
public enum MediationKind {
    @JsonProperty("人民") PEOPLE,
    @JsonProperty("行政") ADMINISTRATIVE,
    @JsonProperty("司法") JUDICIAL;

    /** As stored. */
    public String code() {
        return name().toLowerCase();
    }

    public static MediationKind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst().orElseThrow();
    }
}
