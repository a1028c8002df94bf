package org.gridcc.cases.open311;

import jakarta.enterprise.context.ApplicationScoped;
import org.gridcc.common.PerMinuteCounter;
import org.gridcc.common.ServiceClock;

/**
 * Posts per API key and minute: one client that loops (a bug, a retry storm) must not fill the
 * centre's queue for everyone. A fixed window per key and clock minute, kept in memory: each
 * node counts its own, so with several nodes a key gets the limit on each.
 */
@ApplicationScoped
class Open311RateLimit {

    private final Open311Config config;
    private final ServiceClock clock;
    private final PerMinuteCounter posts = new PerMinuteCounter();

    Open311RateLimit(Open311Config config, ServiceClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts a post of the key, or refuses it with 429 and when the minute is over. */
    void admit(String key) {
        var now = clock.now();
        if (posts.add(key, now) > config.postsPerMinute()) {
            long wait = PerMinuteCounter.secondsLeft(now);
            throw Open311Exception.tooManyRequests("This API key has posted %d requests this minute, the most allowed; try again in %d s."
                    .formatted(config.postsPerMinute(), wait), wait);
        }
    }
}
