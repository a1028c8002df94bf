package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads through a Quarkus cache: what is kept, what is loaded again, and where a waiting read goes on. */
@QuarkusTest
class KeptValuesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    @CacheName("kept-values-test")
    Cache cache;

    @Inject
    Vertx vertx;

    private KeptValues<String, String> kept;
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeEach
    void empty() {
        kept = new KeptValues<>(cache);
        kept.forgetAll().await().atMost(WAIT);
    }

    private Uni<String> load(String value) {
        loads.incrementAndGet();
        return Uni.createFrom().item(value);
    }

    @Test
    void aKeptValueIsAnsweredWithoutLoadingItAgain() {
        assertThat(kept.get("a", () -> load("first")).await().atMost(WAIT)).isEqualTo("first");
        assertThat(kept.get("a", () -> load("second")).await().atMost(WAIT)).isEqualTo("first");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadIsNotKept() {
        assertThatThrownBy(() -> kept.get("a", () -> Uni.createFrom().<String>failure(new IllegalStateException("no such token")))
                .await().atMost(WAIT)).hasMessageContaining("no such token");
        assertThat(kept.get("a", () -> load("after")).await().atMost(WAIT)).isEqualTo("after");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aReadWhileTheValueIsLoadingWaitsForThatLoad() {
        var loading = new CompletableFuture<String>();
        Uni<String> first = kept.get("a", () -> Uni.createFrom().completionStage(loading));
        Uni<String> second = kept.get("a", () -> load("another"));
        loading.complete("loaded");
        assertThat(first.await().atMost(WAIT)).isEqualTo("loaded");
        assertThat(second.await().atMost(WAIT)).isEqualTo("loaded");
        assertThat(loads).hasValue(0);
    }

    @Test
    void aReadWaitingOnAnEventLoopGoesOnThereWhenTheValueIsLoadedElsewhere() throws Exception {
        var loading = new CompletableFuture<String>();
        var waiter = new CompletableFuture<Thread>();
        var itsLoop = new CompletableFuture<Thread>();
        kept.get("a", () -> Uni.createFrom().completionStage(loading)).subscribe().with(ignored -> { });
        vertx.getOrCreateContext().runOnContext(ignored -> {
            itsLoop.complete(Thread.currentThread());
            kept.get("a", () -> load("another")).subscribe().with(value -> waiter.complete(Thread.currentThread()));
        });
        Thread loop = itsLoop.get(10, TimeUnit.SECONDS);
        loading.complete("loaded"); // on this, the test's thread
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isSameAs(loop);
    }

    @Test
    void forgettingMakesTheNextReadLoad() {
        kept.get("a", () -> load("first")).await().atMost(WAIT);
        kept.forgetAll().await().atMost(WAIT);
        assertThat(kept.get("a", () -> load("second")).await().atMost(WAIT)).isEqualTo("second");
        assertThat(loads).hasValue(2);
    }
}
