package org.gridcc.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The Location of what an answer made or points to: a path on this service, sent as a relative
 * reference (RFC 9110, 10.2.2), which clients resolve against the request's own address. Not
 * through JAX-RS's {@code location()}: that makes the path absolute from the current request,
 * which it looks up in the request's CDI context, and an answer made after a database answer
 * runs when Quarkus REST has set that context aside.
 */
public final class Locations {

    private Locations() {}

    /** The answer, with its Location at this path. */
    public static Response.ResponseBuilder at(Response.ResponseBuilder answer, String path) {
        return answer.header(HttpHeaders.LOCATION, path);
    }

    /** 201 Created, with the Location of what was made. */
    public static Response.ResponseBuilder created(String path) {
        return at(Response.status(Response.Status.CREATED), path);
    }
}
