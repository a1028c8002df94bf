package org.gridcc.grid.tiles;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridcc.common.KeptValues;
import org.gridcc.common.SqlFiles;
import org.gridcc.grid.GridLevel;

/**
 * Vector tiles of the grids of one version, made by PostGIS ({@code sql/grid-tile.sql}) and
 * kept in memory (cache {@code grid-tiles}): a published version never changes, so a tile made
 * once is good until it is evicted. A draft's grids change when it is checked again, which
 * forgets the tiles.
 */
@ApplicationScoped
public class GridTileSource {

    private static final String SQL = SqlFiles.read("grid-tile.sql");

    private record Key(int version, TileAddress at) {}

    private final Pool pool;
    private final KeptValues<Key, Tile> kept;
    /** Statuses of versions that can no longer change (published or retired); a draft's is asked each time. */
    private final Map<Integer, String> settled = new ConcurrentHashMap<>();

    public GridTileSource(Pool pool, @CacheName("grid-tiles") Cache kept) {
        this.pool = pool;
        this.kept = new KeptValues<>(kept);
    }

    public Uni<Tile> tile(int version, TileAddress at) {
        return kept.get(new Key(version, at), () -> make(version, at));
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

    /** A draft checked again has other grids: its tiles made before must go. Called by the draft's job, off the event loop. */
    public void forgetTiles() {
        kept.forgetAll().await().indefinitely();
    }
}
