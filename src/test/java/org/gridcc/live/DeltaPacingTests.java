package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DeltaPacing on a real Vert.x: a quiet line's event goes at once, the next waits for every event
 * loop to have written the last delta, and a loop that never ends writing is not waited for past
 * the coalescing window. The window is long (5 s) and the floor nil, so only the rule under test
 * can send. (That a wall which stopped reading holds no loop is StalledWallIT's.)
 */
class DeltaPacingTests {

    private final Vertx vertx = Vertx.vertx();
    private final LinkedBlockingQueue<Long> flushes = new LinkedBlockingQueue<>();
    private DeltaPacing pacing;

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    /** No clients: a nil floor. */
    private DeltaPacing pacing(Duration coalesce) {
        pacing = new DeltaPacing(vertx, coalesce, 20_000, () -> 0, () -> {
            pacing.deltaGoes(); // as LiveHub.deliver does when its drain has something
            flushes.add(System.nanoTime());
        });
        return pacing;
    }

    @Test
    void anEventOnAQuietLineGoesAtOnce() throws InterruptedException {
        pacing(Duration.ofSeconds(5)).eventFolded();
        assertThat(flushes.poll(1, TimeUnit.SECONDS)).as("a delta well before the 5 s window").isNotNull();
    }

    @Test
    void theNextDeltaWaitsUntilTheLastOneIsWrittenThenGoesAtOnce() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofSeconds(5));
        pacing.deltaGoes();
        Runnable written = pacing.loopWriting();
        pacing.eventFolded();
        pacing.eventFolded(); // a second event joins the first
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta while the last is still being written").isNull();

        written.run();
        assertThat(flushes.poll(1, TimeUnit.SECONDS)).as("the delta once the last is written").isNotNull();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("one delta for both events").isNull();
    }

    @Test
    void theNextDeltaWaitsForEveryLoopWritingTheLastOne() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofSeconds(5));
        pacing.deltaGoes();
        Runnable first = pacing.loopWriting();
        Runnable second = pacing.loopWriting();
        pacing.eventFolded();
        first.run();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta while one loop is still writing").isNull();

        second.run();
        assertThat(flushes.poll(1, TimeUnit.SECONDS)).as("the delta once both loops have written").isNotNull();
    }

    @Test
    void aLoopThatNeverEndsWritingIsNotWaitedForPastTheWindow() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofMillis(400));
        pacing.deltaGoes();
        pacing.loopWriting(); // a loop busy elsewhere: never done
        long folded = System.nanoTime();
        pacing.eventFolded();
        Long at = flushes.poll(3, TimeUnit.SECONDS);
        assertThat(at).as("a delta after the window").isNotNull();
        assertThat(at - folded).as("not before the window ends").isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void aLoopDoneWithAnEarlierDeltaDoesNotCountForTheNext() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofSeconds(5));
        pacing.deltaGoes();
        Runnable earlier = pacing.loopWriting();
        pacing.deltaGoes();
        pacing.loopWriting(); // the newer delta's loop, still writing
        pacing.eventFolded();
        earlier.run();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta sent on an older delta's loop").isNull();
    }
}
