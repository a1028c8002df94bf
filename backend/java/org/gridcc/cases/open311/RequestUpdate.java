package org.gridcc.cases.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One update of GET servicerequestupdates: a change of a request's state, told by its status note
 * alone (never who acted, nor what they wrote). update_id is the history entry's id.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RequestUpdate(String updateId, String serviceRequestId, String status, String updatedDatetime, String description,
                     String mediaUrl) {}
