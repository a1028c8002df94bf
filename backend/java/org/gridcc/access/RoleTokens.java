package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Tokens that are handed over as data rather than as credentials of the request: an Open311
 * client's {@code api_key} in its form, a wall's display token when it enrols.
 */
@ApplicationScoped
public class RoleTokens {

    private final Pool pool;

    public RoleTokens(Pool pool) {
        this.pool = pool;
    }

    /** The id of the enabled user of this role whose live token this is, or null (looked up by hash). */
    public Uni<Integer> userOf(String token, Role role) {
        return pool.preparedQuery("""
                        SELECT u.id FROM access_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
                          AND u.enabled AND u.role = $3""")
                .execute(Tuple.of(Secrets.hash(token), Instant.now().atOffset(ZoneOffset.UTC), role.code()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger("id"));
    }
}
