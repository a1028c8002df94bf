package org.gridcc.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection for the pages' sessions: a change (POST, PUT, PATCH, DELETE) that comes with the
 * session cookie must also bring the session's CSRF token in {@code X-CSRF-Token}, which another
 * site's page cannot read. (The cookie is SameSite=Strict as well; this holds where that is not
 * honoured.) Machines send {@code Authorization} and no cookie, and are not asked; nor are Open311
 * posts, which its api_key authorises, not a cookie.
 */
public class CsrfCheck {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Sign-in itself: nothing to protect yet, and an old cookie must not stand in the way. */
    private static final Set<String> SIGN_IN = Set.of("/api/session", "/api/session/display");

    private final CurrentIdentityAssociation identities;

    public CsrfCheck(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /**
     * Null when there is nothing to check, as for most requests: RESTEasy Reactive then goes on at
     * once, where even a resolved Uni has it suspend the request and resume it.
     */
    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString("Authorization") != null
                || !request.getCookies().containsKey(TokenMechanism.SESSION_COOKIE)) {
            return null;
        }
        String path = RequestPath.of(request);
        if (request.getMethod().equals("POST") && SIGN_IN.contains(path) || path.startsWith("/open311/")) {
            return null;
        }
        return identities.getDeferredIdentity().map(identity -> {
            String expected = identity.getAttribute(TokenIdentityProvider.CSRF);
            String sent = request.getHeaderString(HEADER);
            if (expected != null && sent != null
                    && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            var problem = Problem.of(ProblemType.FORBIDDEN, "A change made with the session cookie must send the session's "
                    + HEADER + " (from GET /api/session); reload the page and try again.", path);
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
        });
    }
}
