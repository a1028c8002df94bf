package org.gridcc.cases.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcc.common.ServiceClock;

/**
 * Posts per API key and minute: one client that loops (a bug, a retry storm) must not fill the
 * centre's queue for everyone. A fixed window per key and clock minute, kept in memory: each
 * node counts its own, so with several nodes a key gets the limit on each.
 */
@ApplicationScoped
class Open311RateLimit {

    private record Window(long minute, int posts) {}

    private final Open311Config config;
    private final ServiceClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    Open311RateLimit(Open311Config config, ServiceClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts a post of the key, or refuses it with 429 and when the minute is over. */
    void admit(String key) {
        long now = clock.now().getEpochSecond();
        long minute = now / 60;
        Window window = windows.merge(key, new Window(minute, 1),
                (old, first) -> old.minute() == minute ? new Window(minute, old.posts() + 1) : first);
        if (window.posts() > config.postsPerMinute()) {
            throw Open311Exception.tooManyRequests("This API key has posted %d requests this minute, the most allowed; try again in %d s."
                    .formatted(config.postsPerMinute(), 60 - now % 60), 60 - now % 60);
        }
    }
}
