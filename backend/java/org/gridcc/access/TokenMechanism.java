package org.gridcc.access;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * How a request says who it is: a page's session cookie, or {@code Authorization: Bearer <token>}
 * from a machine (a bearer token, a wall's display token, an Open311 client's key). Either is a
 * random secret looked up by its hash ({@link TokenIdentityProvider}); no credential is anonymous.
 */
@ApplicationScoped
public class TokenMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "gridcc_session";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = token(context);
        if (token == null) return Uni.createFrom().optional(java.util.Optional.empty());
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "gridcc")));
    }

    private static String token(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"gridcc\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
