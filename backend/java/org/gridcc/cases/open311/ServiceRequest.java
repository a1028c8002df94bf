package org.gridcc.cases.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A request as GET requests shows it to anyone: no reporter's name, phone or email. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceRequest(
        String serviceRequestId,
        String status,
        String statusNotes,
        String serviceName,
        String serviceCode,
        String description,
        String agencyResponsible,
        String serviceNotice,
        String requestedDatetime,
        String updatedDatetime,
        String expectedDatetime,
        String address,
        String addressId,
        String zipcode,
        Double lat,
        @JsonProperty("long") Double lon,
        String mediaUrl) {

    /** The same request with media_url pointing elsewhere (at a photo of ours). */
    ServiceRequest withMediaUrl(String url) {
        return new ServiceRequest(serviceRequestId, status, statusNotes, serviceName, serviceCode, description, agencyResponsible,
                serviceNotice, requestedDatetime, updatedDatetime, expectedDatetime, address, addressId, zipcode, lat, lon, url);
    }
}
