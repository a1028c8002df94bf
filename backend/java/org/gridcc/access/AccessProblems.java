package org.gridcc.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** 401 and 403 as problem+json, saying how to sign in or what the caller's role may not do. */
public class AccessProblems {

    private static final String SIGN_IN = "Sign in first: the pages at /login, machines with Authorization: Bearer <token> "
            + "(an administrator makes tokens at /api/users/{username}/tokens).";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return answer(ProblemType.UNAUTHORIZED, SIGN_IN, uri);
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? SIGN_IN : e.getMessage();
        return answer(ProblemType.UNAUTHORIZED, detail, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResteasyReactiveContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        String who = security.getUserPrincipal() == null ? "You" : "User " + security.getUserPrincipal().getName();
        String detail = "%s may not %s %s with this role; ask an administrator if you need it."
                .formatted(who, request.getMethod(), "/" + uri.getPath().replaceFirst("^/", ""));
        return answer(ProblemType.FORBIDDEN, detail, uri);
    }

    private static Response answer(ProblemType type, String detail, UriInfo uri) {
        var response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(type, detail, uri.getPath()));
        if (type == ProblemType.UNAUTHORIZED) response.header("WWW-Authenticate", "Bearer realm=\"gridcc\"");
        return response.build();
    }
}
