package org.gridcc.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails the way a bug would, to see what a client gets. */
@jakarta.annotation.security.PermitAll
@Path("/test-support/fail")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret internal detail: connection string jdbc:postgresql://db/gridcc");
    }
}
