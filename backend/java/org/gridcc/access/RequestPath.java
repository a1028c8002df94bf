package org.gridcc.access;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The request's path as the filters compare it and the audit trail keeps it: always with its
 * leading slash (/api/session), a NUL written %00 (the database cannot store it, and a refused
 * probe must still reach the trail).
 */
final class RequestPath {

    private RequestPath() {}

    static String of(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/")) path = "/" + path;
        return path.indexOf('\0') < 0 ? path : path.replace("\0", "%00");
    }
}
