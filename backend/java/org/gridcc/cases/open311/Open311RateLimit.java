package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.gridcc.common.PerMinuteCounter;
import org.gridcc.common.ServiceClock;

/**
 * Posts per API key and minute: one client that loops (a bug, a retry storm) must not fill the
 * centre's queue for everyone. A fixed window per key and clock minute, counted in PostgreSQL
 * (table {@code open311_posts}): with several nodes the limit is the cluster's, whichever node a
 * post reaches.
 */
@ApplicationScoped
class Open311RateLimit {

    private static final String COUNT = """
            WITH older AS (DELETE FROM open311_posts WHERE key_sha256 = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND minute < $2)
            INSERT INTO open311_posts (key_sha256, minute, posts) VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, 1)
            ON CONFLICT (key_sha256, minute) DO UPDATE SET posts = open311_posts.posts + 1
            RETURNING posts""";

    private final Open311Config config;
    private final ServiceClock clock;
    private final Pool pool;

    Open311RateLimit(Open311Config config, ServiceClock clock, Pool pool) {
        this.config = config;
        this.clock = clock;
        this.pool = pool;
    }

    /** Counts a post of the key, or refuses it with 429 and when the minute is over. */
    Uni<Void> admit(String key) {
        var now = clock.now();
        return pool.preparedQuery(COUNT).execute(Tuple.of(key, now.getEpochSecond() / 60)).map(rows -> {
            if (rows.iterator().next().getInteger("posts") > config.postsPerMinute()) {
                long wait = PerMinuteCounter.secondsLeft(now);
                throw Open311Exception.tooManyRequests("This API key has posted %d requests this minute, the most allowed; try again in %d s."
                        .formatted(config.postsPerMinute(), wait), wait);
            }
            return null;
        });
    }
}
