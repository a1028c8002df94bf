package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DeltaPacing on a real Vert.x: a quiet line's event goes at once, the next waits for the last
 * delta's writes but for one in a hundred, and a write that never ends is not waited for past the
 * coalescing window. The window is long (5 s) and the floor nil or short, so only the rule under
 * test can send.
 */
class DeltaPacingTests {

    private final Vertx vertx = Vertx.vertx();
    private final LinkedBlockingQueue<Long> flushes = new LinkedBlockingQueue<>();
    private DeltaPacing pacing;

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    private DeltaPacing pacing(Duration coalesce) {
        return pacing(coalesce, 0);
    }

    private DeltaPacing pacing(Duration coalesce, int clients) {
        pacing = new DeltaPacing(vertx, coalesce, 20_000, () -> clients, () -> {
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
        Runnable written = pacing.counting();
        pacing.eventFolded();
        pacing.eventFolded(); // a second event joins the first
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta while the last is still being written").isNull();

        written.run();
        assertThat(flushes.poll(1, TimeUnit.SECONDS)).as("the delta once the last is written").isNotNull();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("one delta for both events").isNull();
    }

    @Test
    void theLastOneInAHundredWritesStillGoingDoesNotHoldTheNextDelta() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofSeconds(5), 200); // a floor of 10 ms; 2 writes may straggle
        pacing.deltaGoes();
        Runnable first = pacing.counting();
        pacing.counting(); // two walls whose sockets have just filled: never written
        pacing.counting();
        pacing.eventFolded();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta while three writes are still going").isNull();

        first.run();
        assertThat(flushes.poll(1, TimeUnit.SECONDS)).as("the delta once all but two are written").isNotNull();
    }

    @Test
    void aWriteThatNeverEndsIsNotWaitedForPastTheWindow() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofMillis(400));
        pacing.deltaGoes();
        pacing.counting(); // a client that stopped reading: never written
        long folded = System.nanoTime();
        pacing.eventFolded();
        Long at = flushes.poll(3, TimeUnit.SECONDS);
        assertThat(at).as("a delta after the window").isNotNull();
        assertThat(at - folded).as("not before the window ends").isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void aWriteOfAnEarlierDeltaDoesNotCountForTheNext() throws InterruptedException {
        DeltaPacing pacing = pacing(Duration.ofSeconds(5));
        pacing.deltaGoes();
        Runnable earlier = pacing.counting();
        pacing.deltaGoes();
        pacing.counting(); // the newer delta's write, still going
        pacing.eventFolded();
        earlier.run();
        assertThat(flushes.poll(300, TimeUnit.MILLISECONDS)).as("a delta sent on an older delta's write").isNull();
    }
}
