package org.gridcc.cases.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The Open311 service discovery document: where the GeoReport v2 endpoint is and in which formats it answers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {

    static final String GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2";

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {}

    static Discovery of(String changeset, Open311Config config) {
        List<String> formats = List.of("text/xml", "application/json");
        return new Discovery(changeset, config.contact(), config.keyService(),
                List.of(new Endpoint(GEOREPORT_V2, config.endpointUrl(), changeset, "production", formats)));
    }
}
