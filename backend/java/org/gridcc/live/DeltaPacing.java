package org.gridcc.live;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * When the next delta goes out. A fixed window makes every event wait half of it on average, even
 * at night; sending every event at once costs a frame per client per event under load. So:
 * <ul>
 * <li>at once, when the last delta went out at least the <em>floor</em> ago (clients /
 * {@link LiveConfig#sendsPerSecond()}: the fan-out's budget of frames) and every event loop has
 * written it to the sockets it owns: waiting for the loops keeps a busy machine from queueing
 * deltas faster than it writes them. A loop hands each socket its frame without waiting for any:
 * a wall whose socket buffer is full (it stopped reading) keeps its frame queued and holds no
 * one's next delta, however few walls there are;</li>
 * <li>else when both have happened: the machine's own speed at writing the last delta sets the
 * pace under load, so a busy machine gathers more changes into fewer frames;</li>
 * <li>and never later than {@link LiveConfig#coalesce()} after the last delta, whatever is still
 * being written.</li>
 * </ul>
 * Thread-safe: events are folded on the messaging thread, loops finish writing on their own threads.
 */
final class DeltaPacing {

    private final Vertx vertx;
    private final long coalesceNanos;
    private final int sendsPerSecond;
    private final IntSupplier clients;
    private final Runnable flush;
    /** Event loops still writing the last delta. */
    private AtomicInteger writing = new AtomicInteger();
    private long lastDelta = System.nanoTime();
    /** An event is waiting for a delta. */
    private boolean due;
    /** Each decision made: a timer of an older one does nothing. */
    private long decision;

    DeltaPacing(Vertx vertx, Duration coalesce, int sendsPerSecond, IntSupplier clients, Runnable flush) {
        this.vertx = vertx;
        this.coalesceNanos = coalesce.toNanos();
        this.sendsPerSecond = sendsPerSecond;
        this.clients = clients;
        this.flush = flush;
    }

    /** An event was folded: decide when its delta goes. */
    synchronized void eventFolded() {
        if (due) return;
        due = true;
        decide();
    }

    /** A delta goes out now, with every event folded so far (called with the state's lock held, before its frames are sent). */
    synchronized void deltaGoes() {
        due = false;
        decision++;
        lastDelta = System.nanoTime();
        writing = new AtomicInteger();
    }

    /** An event loop is handed the delta's frames: returns what it calls once it has written them to its sockets. */
    synchronized Runnable loopWriting() {
        AtomicInteger of = writing;
        of.incrementAndGet();
        return () -> {
            if (of.decrementAndGet() == 0) written(of);
        };
    }

    private synchronized void written(AtomicInteger of) {
        if (of == writing && due) decide();
    }

    private void decide() {
        long now = System.nanoTime();
        long floor = lastDelta + clients.getAsInt() * 1_000_000_000L / sendsPerSecond;
        long cap = lastDelta + coalesceNanos;
        long at = writing.get() > 0 ? cap : Math.min(floor, cap);
        long ticket = ++decision;
        if (at <= now) vertx.runOnContext(() -> go(ticket));
        else vertx.setTimer(Math.max(1, (at - now) / 1_000_000), id -> go(ticket));
    }

    private void go(long ticket) {
        synchronized (this) {
            if (ticket != decision || !due) return;
            due = false; // the flush takes every event folded until it drains
        }
        flush.run();
    }
}
