package org.gridcc.common;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reads through a Quarkus cache (Caffeine), answering a value it already keeps at once.
 *
 * <p>The cache's own {@code getAsync} makes every read a completion stage, hops back to the
 * caller's event loop and captures the request's context at each step: for a cached tile, the
 * tile's and the token's reads cost more than a tenth of the request's CPU (docs/benchmarks.md).
 * Here a kept value is answered as it is; one being loaded is awaited; one not kept is loaded
 * and kept, unless its load fails (Caffeine drops a failed load, so a failure is asked again).
 * Two requests on two event loops that miss at the same moment may both load: the same value,
 * loaded twice. With caching off ({@code quarkus.cache.enabled=false}) every read loads.
 */
public final class KeptValues<K, V> {

    private final Cache cache;
    private final Optional<CaffeineCache> kept;

    public KeptValues(Cache cache) {
        this.cache = cache;
        this.kept = cache instanceof CaffeineCache caffeine ? Optional.of(caffeine) : Optional.empty();
    }

    public Uni<V> get(K key, Supplier<Uni<V>> load) {
        if (kept.isEmpty()) return load.get();
        CompletableFuture<V> value = kept.get().getIfPresent(key);
        if (value == null) {
            value = load.get().subscribeAsCompletionStage();
            kept.get().put(key, value);
        }
        if (value.isDone() && !value.isCompletedExceptionally()) return Uni.createFrom().item(value.join());
        // A value loaded for another request arrives on that request's event loop: this one goes on on its own.
        return CallerContext.resumedHere(Uni.createFrom().completionStage(value));
    }

    /** Forgets every value kept; one being loaded is still answered to those already waiting for it. */
    public Uni<Void> forgetAll() {
        return cache.invalidateAll();
    }
}
