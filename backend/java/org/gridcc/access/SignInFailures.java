package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Failed sign-ins in a row and locks, kept by the name tried whether or not a user has it (the
 * only writer of {@code sign_in_failure}): an unknown name locks exactly as a real one does.
 */
@ApplicationScoped
public class SignInFailures {

    private final Pool pool;
    private final AccessConfig config;

    public SignInFailures(Pool pool, AccessConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Counts a failure of the name; answers whether it locked the name (the count then starts again). */
    Uni<Boolean> failed(String username, Instant now) {
        return pool.preparedQuery("""
                        INSERT INTO sign_in_failure AS f (username, failures, locked_until)
                        VALUES ($1, CASE WHEN 1 >= $2 THEN 0 ELSE 1 END, CASE WHEN 1 >= $2 THEN $3 END)
                        ON CONFLICT (username) DO UPDATE SET
                            failures = CASE WHEN f.failures + 1 >= $2 THEN 0 ELSE f.failures + 1 END,
                            locked_until = CASE WHEN f.failures + 1 >= $2 THEN $3 ELSE f.locked_until END
                        RETURNING failures = 0 AS locked""")
                .execute(Tuple.of(username, config.lockAfter(), now.plus(config.lockFor()).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    /** Forgets the name's failures and lock: after a sign-in, an administrator's unlock, a new user of that name. */
    Uni<Void> forget(SqlClient client, String username) {
        return client.preparedQuery("DELETE FROM sign_in_failure WHERE username = $1").execute(Tuple.of(username)).replaceWithVoid();
    }
}
