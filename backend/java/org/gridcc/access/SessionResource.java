package org.gridcc.access;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signing in and out of the pages: a session in an HttpOnly, SameSite=Strict cookie. Also where the
 * OpenAPI description names the two ways to sign in (Quarkus adds them to every operation with roles).
 */
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "A token an administrator made at POST /api/users/{username}/tokens."),
    @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
            apiKeyName = TokenMechanism.SESSION_COOKIE,
            description = "The pages' session from POST /api/session; changes also need the X-CSRF-Token header.")
})
@Path("/api/session")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access", description = "Sign-in, users, tokens and the audit trail")
public class SessionResource {

    public record Credentials(
            @NotBlank(message = "give the user name") @Size(max = 64, message = "a user name has at most 64 characters") String username,
            @NotBlank(message = "give the password") @Size(max = 200, message = "a password has at most 200 characters") String password) {}

    public record DisplayToken(@NotBlank(message = "give the display token (大屏令牌) an administrator made for this wall")
                               @Size(max = 200, message = "a display token has at most 200 characters") String token) {}

    public record PasswordChange(
            @NotBlank(message = "give the current password") @Size(max = 200, message = "a password has at most 200 characters")
            String currentPassword,
            @NotBlank(message = "give the new password") @Size(max = 200, message = "a password has at most 200 characters")
            String newPassword) {}

    private final SignIn signIn;
    private final Pool pool;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public SessionResource(SignIn signIn, Pool pool, SecurityIdentity identity, HttpServerRequest request) {
        this.signIn = signIn;
        this.pool = pool;
        this.identity = identity;
        this.request = request;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in (页面登录)",
            description = "200 with the user and the CSRF token to send in X-CSRF-Token with every change; the session is an "
                    + "HttpOnly cookie. 401 for a wrong name or password (the same answer for both); 429 with Retry-After when the "
                    + "name is locked after failures in a row (an unknown name too), or when too many sign-ins from the address "
                    + "are waiting their turn (an address that failed often this minute is slowed).")
    public Uni<Response> signIn(@NotNull(message = "send username and password as a JSON body") @Valid Credentials credentials) {
        boolean secure = request.isSSL();
        return signIn.withPassword(credentials.username().strip(), credentials.password(), SessionAddress.of(request))
                .map(session -> Response.ok(session.me())
                        .cookie(cookie(session.token(), Duration.between(Instant.now(), session.expires()), secure))
                        .build());
    }

    @POST
    @Path("/display")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a wall display (大屏)",
            description = "Takes a wall's display token once (the wall page reads it from its URL's #token=... and forgets it) "
                    + "and keeps it in the HttpOnly cookie, so the wall survives reloads. 401 for a token that is not a wall's.")
    public Uni<Response> enrolDisplay(@NotNull(message = "send the token as a JSON body") @Valid DisplayToken display) {
        boolean secure = request.isSSL();
        return signIn.display(display.token().strip(), SessionAddress.of(request))
                .map(me -> Response.ok(me).cookie(cookie(display.token().strip(), Duration.ofDays(366), secure)).build());
    }

    @GET
    @Authenticated
    @Operation(summary = "Who is signed in", description = "401 when nobody is: the pages then show the sign-in form.")
    public Uni<Me> me() {
        Caller caller = Caller.of(identity);
        return Me.load(pool, caller.userId(), identity.getAttribute(TokenIdentityProvider.CSRF));
    }

    @PUT
    @Path("/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WORKER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's own password",
            description = "204; the user's other sessions end. 403 when the current password is wrong; 400 for a weak new one.")
    public Uni<Response> changePassword(@NotNull(message = "send currentPassword and newPassword as a JSON body") @Valid PasswordChange change,
                                        @CookieParam(TokenMechanism.SESSION_COOKIE) String token) {
        return signIn.changePassword(Caller.of(identity), token == null ? "" : token, change.currentPassword(), change.newPassword(),
                        SessionAddress.of(request))
                .map(done -> Response.noContent().build());
    }

    @DELETE
    @Authenticated
    @Operation(summary = "Sign out", description = "The session is revoked and the cookie cleared.")
    public Uni<Response> signOut(@CookieParam(TokenMechanism.SESSION_COOKIE) String token) {
        Uni<Void> revoked = token == null ? Uni.createFrom().voidItem() : signIn.signOut(token, Caller.of(identity), SessionAddress.of(request));
        boolean secure = request.isSSL();
        return revoked.map(done -> Response.noContent().cookie(cookie("", Duration.ZERO, secure)).build());
    }

    /** Secure when the request came over TLS; read by the caller before its first asynchronous step, as every request value here. */
    private static NewCookie cookie(String value, Duration lifetime, boolean secure) {
        return new NewCookie.Builder(TokenMechanism.SESSION_COOKIE)
                .value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.max(0, lifetime.toSeconds()))
                .build();
    }
}
