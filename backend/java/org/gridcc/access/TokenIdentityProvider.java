package org.gridcc.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.gridcc.common.KeptValues;
import org.gridcc.common.NodeNotices;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Finds the user behind a session or token by the token's hash; an unknown, revoked or expired one
 * is refused. Times of access (expiry, locks, the audit trail) are the system's clock, not the
 * service clock that runs the deadlines (which tests move).
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(TokenIdentityProvider.class);
    /** The attribute holding a session's CSRF token; tokens of machines have none. */
    static final String CSRF = "gridcc.csrf";

    /** What a token stands for: kept a few seconds, so that the tiles of one map load ask the database once. */
    private record Holder(Caller caller, String csrf, Instant expires) {}

    /** The channel on which a node tells the others to forget the tokens they keep. */
    private static final String FORGET = "gridcc_access_changed";

    private final Pool pool;
    private final KeptValues<String, Holder> known;
    private final NodeNotices notices;

    public TokenIdentityProvider(Pool pool, @CacheName("access-tokens") Cache known, NodeNotices notices) {
        this.pool = pool;
        this.known = new KeptValues<>(known);
        this.notices = notices;
    }

    void onStart(@Observes StartupEvent start) {
        notices.listen(FORGET, () -> known.forgetAll().subscribe().with(ok -> {}, e -> {}));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] hash = Secrets.hash(request.getToken().getToken());
        // A failed lookup is not kept: an unknown token asks the database every time.
        return known.get(HexFormat.of().formatHex(hash), () -> load(hash)).map(holder -> {
            if (holder.expires() != null && holder.expires().isBefore(Instant.now())) throw unknown();
            return identity(holder);
        });
    }

    /**
     * Forgets every token kept, on every node: after a sign-out, a revoked token, a new password
     * or a disabled user, the next request anywhere asks the database again: the change is
     * answered once this node's notice has come back to it, by when every node has it.
     */
    public Uni<Void> forgetAll() {
        return known.forgetAll().chain(() -> notices.tell(FORGET));
    }

    private Uni<Holder> load(byte[] hash) {
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("""
                        SELECT u.id, u.username, u.display_name, u.role, coalesce(u.grid_code, g.grid_code) AS grid, g.code AS unit,
                               t.csrf, t.expires_at, t.last_used_at IS NULL OR t.last_used_at < $2::timestamptz - interval '1 minute' AS stale
                        FROM access_token t JOIN app_user u ON u.id = t.user_id LEFT JOIN unit g ON g.id = u.unit_id
                        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.enabled""")
                .execute(Tuple.of(hash, now))
                .flatMap(rows -> {
                    if (rows.size() == 0) return Uni.createFrom().failure(unknown());
                    Row row = rows.iterator().next();
                    Uni<Void> touched = row.getBoolean("stale") ? touch(hash, now) : Uni.createFrom().voidItem();
                    return touched.replaceWith(holder(row));
                });
    }

    private static AuthenticationFailedException unknown() {
        return new AuthenticationFailedException(
                "The session or token is unknown, expired or revoked: sign in again or ask an administrator for a new token.");
    }

    /** Notes the use at most once a minute, so that admins see idle tokens without a write per request. */
    private Uni<Void> touch(byte[] hash, java.time.OffsetDateTime now) {
        return pool.preparedQuery("UPDATE access_token SET last_used_at = $2 WHERE token_hash = $1")
                .execute(Tuple.of(hash, now)).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Could not note the use of a token: %s", e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static Holder holder(Row row) {
        Role role = Role.of(row.getString("role")).orElseThrow();
        String grid = role.hasOwnGrid() || role == Role.HANDLER ? row.getString("grid") : null;
        var caller = new Caller(row.getInteger("id"), row.getString("username"), row.getString("display_name"), role, grid,
                row.getString("unit"));
        var expires = row.getOffsetDateTime("expires_at");
        return new Holder(caller, row.getString("csrf"), expires == null ? null : expires.toInstant());
    }

    private static SecurityIdentity identity(Holder holder) {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(holder.caller().username()))
                .addRole(holder.caller().role().code())
                .addAttribute(Caller.ATTRIBUTE, holder.caller());
        if (holder.csrf() != null) identity.addAttribute(CSRF, holder.csrf());
        return identity.build();
    }
}
