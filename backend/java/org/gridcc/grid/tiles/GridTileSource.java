package org.gridcc.grid.tiles;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcc.common.SqlFiles;

/**
 * Vector tiles of the grids of one version, made by PostGIS ({@code sql/grid-tile.sql}) and
 * kept in memory: a version never changes, so a tile made once is good until it is evicted.
 */
@ApplicationScoped
public class GridTileSource {

    private static final String SQL = SqlFiles.read("grid-tile.sql");

    private final Pool pool;
    private final Set<Integer> knownVersions = ConcurrentHashMap.newKeySet();

    public GridTileSource(Pool pool) {
        this.pool = pool;
    }

    @CacheResult(cacheName = "grid-tiles")
    public Uni<Tile> tile(int version, TileAddress at) {
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(at.z(), at.x(), at.y(), version))
                .map(rows -> Tile.of(version, at, rows.iterator().next().getBuffer("mvt").getBytes()));
    }

    /** Whether a grid version exists (draft, published or retired); only a yes is remembered. */
    public Uni<Boolean> exists(int version) {
        if (knownVersions.contains(version)) return Uni.createFrom().item(true);
        return pool.preparedQuery("SELECT 1 FROM grid_version WHERE id = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() > 0) knownVersions.add(version);
                    return rows.size() > 0;
                });
    }
}
