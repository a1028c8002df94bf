package org.gridcc.cases.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to POST requests: the new request's id (the case code); there are no accounts, so account_id is null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CreatedRequest(String serviceRequestId, String serviceNotice, String accountId) {}
