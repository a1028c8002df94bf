package org.gridcc.grid.tiles;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcc.common.SqlFiles;
import org.gridcc.grid.GridLevel;

/**
 * Vector tiles of the grids of one version, made by PostGIS ({@code sql/grid-tile.sql}) and
 * kept in memory: a published version never changes, so a tile made once is good until it is
 * evicted. A draft's grids change when it is checked again, which forgets the tiles.
 */
@ApplicationScoped
public class GridTileSource {

    private static final String SQL = SqlFiles.read("grid-tile.sql");

    private record Key(int version, TileAddress at) {}

    private final Pool pool;
    /** The tiles made (quarkus.cache.caffeine."grid-tiles"); null when caching is off (./bench grids' uncached instance). */
    private final CaffeineCache kept;
    /** Statuses of versions that can no longer change (published or retired); a draft's is asked each time. */
    private final Map<Integer, String> settled = new ConcurrentHashMap<>();

    public GridTileSource(Pool pool, @CacheName("grid-tiles") Cache tiles) {
        this.pool = pool;
        this.kept = tiles instanceof CaffeineCache caffeine ? caffeine : null;
    }

    /**
     * A tile of a version, made by PostGIS the first time: a future already done when it was made
     * before, which the caller can answer from on its own thread. (Quarkus' cache interceptor hands
     * every hit over to the event loop again and memoizes it: on the stack in 12 % of a cached tile's
     * CPU samples in ./bench --profile grids.)
     */
    public CompletableFuture<Tile> tile(int version, TileAddress at) {
        if (kept == null) return make(version, at).subscribeAsCompletionStage();
        var key = new Key(version, at);
        CompletableFuture<Tile> held = kept.getIfPresent(key);
        if (held != null) return held;
        // Kept while it is made, so that the map's other requests for it wait for this one; a failure is not kept.
        CompletableFuture<Tile> made = make(version, at).subscribeAsCompletionStage();
        kept.put(key, made);
        return made;
    }

    private Uni<Tile> make(int version, TileAddress at) {
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(at.z(), at.x(), at.y(), version, GridLevel.carriedAt(at.z()).stream().map(GridLevel::code).toArray(String[]::new)))
                .map(rows -> Tile.of(version, at, rows.iterator().next().getBuffer("mvt").getBytes()));
    }

    /** A grid version's status (draft, published or retired), or empty when there is no such version. */
    public Uni<Optional<String>> status(int version) {
        String known = settled.get(version);
        if (known != null) return Uni.createFrom().item(Optional.of(known));
        return pool.preparedQuery("SELECT status FROM grid_version WHERE id = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) return Optional.<String>empty();
                    String status = rows.iterator().next().getString("status");
                    if (!status.equals("draft")) settled.put(version, status);
                    return Optional.of(status);
                });
    }

    /** A draft checked again has other grids: its tiles made before must go. */
    @CacheInvalidateAll(cacheName = "grid-tiles")
    public void forgetTiles() {
    }
}
