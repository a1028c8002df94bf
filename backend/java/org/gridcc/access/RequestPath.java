package org.gridcc.access;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The request's path as the filters compare it: always with its leading slash (/api/session). */
final class RequestPath {

    private RequestPath() {}

    static String of(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
