package org.gridcc.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcc.common.PerMinuteCounter;

/**
 * Failed sign-ins per client address, in memory (each node counts its own). Within its allowance of
 * failures in the clock minute an address goes ahead at once. Beyond it the address is slowed, not
 * refused: its attempts take turns a pace apart, so a guesser gets one try a turn while a colleague
 * behind the same address (a NAT, a proxy that is not trusted) still signs in with the right
 * password. Only an attempt that would wait more than a minute for its turn (a flood of parallel
 * tries) is refused.
 */
final class AddressThrottle {

    /** The longest an attempt waits for its turn; one that would wait longer is refused. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);
    /** Beyond this many slowed addresses, the turns already past are dropped (an address scan must not grow the map for ever). */
    private static final int PRUNE_ABOVE = 10_000;

    /** How long an attempt waits for its turn (zero: it goes at once); refused: how long until a turn can be had. */
    record Turn(Duration delay, boolean refused) {}

    private final int allowance;
    private final Duration pace;
    private final PerMinuteCounter failures = new PerMinuteCounter();
    /** The latest turn given to each slowed address. */
    private final Map<String, Instant> latestTurns = new ConcurrentHashMap<>();

    AddressThrottle(int allowance, Duration pace) {
        this.allowance = allowance;
        this.pace = pace;
    }

    /** The turn of an attempt from this address now; a turn given is booked, a refused one is not. */
    Turn turn(String address, Instant now) {
        if (failures.count(key(address), now) < allowance) return new Turn(Duration.ZERO, false);
        if (latestTurns.size() > PRUNE_ABOVE) latestTurns.values().removeIf(turn -> turn.isBefore(now));
        Turn[] given = new Turn[1];
        latestTurns.compute(key(address), (key, latest) -> {
            Instant turn = (latest == null || latest.isBefore(now) ? now : latest).plus(pace);
            Duration wait = Duration.between(now, turn);
            if (wait.compareTo(MAX_WAIT) > 0) {
                given[0] = new Turn(wait.minus(MAX_WAIT), true);
                return latest;
            }
            given[0] = new Turn(wait, false);
            return turn;
        });
        return given[0];
    }

    /** Counts a failed attempt of this address. */
    void failed(String address, Instant now) {
        failures.add(key(address), now);
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
