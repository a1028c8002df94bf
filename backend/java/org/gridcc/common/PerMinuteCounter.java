package org.gridcc.common;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts per key and clock minute (a fixed window), in memory: each node counts its own. Used to
 * limit failed sign-ins per address (Open311 posts per key are counted in the database).
 */
public final class PerMinuteCounter {

    /** Beyond this many keys, windows of past minutes are dropped (an address scan must not grow the map for ever). */
    private static final int PRUNE_ABOVE = 10_000;

    private record Window(long minute, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one more for the key this minute and answers the count so far. */
    public int add(String key, Instant now) {
        long minute = now.getEpochSecond() / 60;
        if (windows.size() > PRUNE_ABOVE) windows.values().removeIf(w -> w.minute() != minute);
        return windows.merge(key, new Window(minute, 1),
                (old, first) -> old.minute() == minute ? new Window(minute, old.count() + 1) : first).count();
    }

    /** The count of the key this minute. */
    public int count(String key, Instant now) {
        Window window = windows.get(key);
        return window == null || window.minute() != now.getEpochSecond() / 60 ? 0 : window.count();
    }

    /** Seconds until the next minute starts and the counts start again. */
    public static long secondsLeft(Instant now) {
        return 60 - now.getEpochSecond() % 60;
    }
}
