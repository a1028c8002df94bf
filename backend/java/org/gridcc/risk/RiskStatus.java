package org.gridcc.risk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an entry stands: open (在控 not yet), controlled (已稳控), resolved (已化解, leaves the register's counts). */
public enum RiskStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("controlled") CONTROLLED,
    @JsonProperty("resolved") RESOLVED;

    public String code() {
        return name().toLowerCase();
    }

    static RiskStatus of(String code) {
        return valueOf(code.toUpperCase());
    }
}
