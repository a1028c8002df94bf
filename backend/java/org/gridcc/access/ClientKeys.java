package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** The api_keys of Open311 client systems: tokens of users with role open311, made at /api/users/{username}/tokens. */
@ApplicationScoped
public class ClientKeys {

    private final Pool pool;

    public ClientKeys(Pool pool) {
        this.pool = pool;
    }

    /** Whether the key is a live token of an enabled Open311 client (looked up by hash: the time says nothing of other keys). */
    public Uni<Boolean> isOpen311Key(String key) {
        return pool.preparedQuery("""
                        SELECT 1 FROM access_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
                          AND u.enabled AND u.role = 'open311'""")
                .execute(Tuple.of(Secrets.hash(key), Instant.now().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() > 0);
    }
}
