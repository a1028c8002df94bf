package org.gridcc.grid;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridcc.access.Caller;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** Reads grids of the published version: PostGIS for details and shapes, the index for points. */
@ApplicationScoped
public class GridService {

    private final Pool pool;
    private final GridIndex index;
    private final OpenCaseCounts cases;

    public GridService(Pool pool, GridIndex index, OpenCaseCounts cases) {
        this.pool = pool;
        this.index = index;
        this.cases = cases;
    }

    public Uni<GridChain> at(LonLat point) {
        return locate(point, ProblemType.NOT_FOUND);
    }

    /** The grids at a point; outside every grid, a problem of the given type that names the nearest grid. */
    public Uni<GridChain> locate(LonLat point, ProblemType whenOutside) {
        return index.locate(point.lon(), point.lat())
                .map(chain -> Uni.createFrom().item(chain))
                .orElseGet(() -> nearest(point).map(nearest -> { throw outside(point, nearest, whenOutside); }));
    }

    /** The grid with its counts; open cases as far as the caller may see them. */
    public Uni<GridDetails> details(String code, Caller caller) {
        IndexedGrid grid = known(code);
        Uni<Row> row = pool.preparedQuery("""
                        SELECT g.head, g.workers, p.name AS parent_name, p.level AS parent_level,
                               (SELECT count(*) FROM grid c WHERE c.version_id = g.version_id AND c.parent_code = g.code) AS children,
                               ST_XMin(g.geom) AS west, ST_YMin(g.geom) AS south, ST_XMax(g.geom) AS east, ST_YMax(g.geom) AS north
                          FROM grid g LEFT JOIN grid p ON p.version_id = g.version_id AND p.code = g.parent_code
                         WHERE g.version_id = $1 AND g.code = $2""")
                .execute(Tuple.of(index.version(), code))
                .map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(row, households(grid), cases.openIn(code, caller)).asTuple().map(t -> {
            Row r = t.getItem1();
            GridRef parent = grid.parentCode() == null ? null
                    : new GridRef(grid.parentCode(), GridLevel.of(r.getString("parent_level")).orElseThrow(), r.getString("parent_name"));
            return new GridDetails(code, grid.level(), grid.level().chinese(), grid.name(), parent, r.getString("head"),
                    r.getInteger("workers"), index.version(), new GridDetails.Counts(r.getLong("children"), t.getItem2(), t.getItem3()),
                    List.of(r.getDouble("west"), r.getDouble("south"), r.getDouble("east"), r.getDouble("north")));
        });
    }

    public Uni<List<GridChild>> children(String code) {
        known(code);
        Uni<List<Row>> rows = pool.preparedQuery("""
                        SELECT code, level, name, head, workers,
                               CASE WHEN level = 'special'
                                    THEN (SELECT count(*) FROM household h WHERE ST_Intersects(h.point, c.geom)) END AS special_households
                          FROM grid c WHERE version_id = $1 AND parent_code = $2 ORDER BY level = 'special', code""")
                .execute(Tuple.of(index.version(), code))
                .map(set -> StreamSupport.stream(set.spliterator(), false).toList());
        Uni<Map<String, Long>> counts = pool.preparedQuery("""
                        SELECT c.code, count(h.id) AS households
                          FROM grid c JOIN household h ON h.grid_code ~>=~ c.code AND h.grid_code ~<~ (c.code || ':')
                         WHERE c.version_id = $1 AND c.parent_code = $2 AND c.level <> 'special'
                         GROUP BY c.code""")
                .execute(Tuple.of(index.version(), code))
                .map(set -> {
                    var byCode = new HashMap<String, Long>();
                    set.forEach(r -> byCode.put(r.getString("code"), r.getLong("households")));
                    return byCode;
                });
        return Uni.combine().all().unis(rows, counts).asTuple().map(t -> t.getItem1().stream()
                .map(r -> new GridChild(r.getString("code"), GridLevel.of(r.getString("level")).orElseThrow(), r.getString("name"),
                        r.getString("head"), r.getInteger("workers"),
                        r.getLong("special_households") != null ? r.getLong("special_households")
                                : t.getItem2().getOrDefault(r.getString("code"), 0L)))
                .toList());
    }

    /** Levels whose labels are asked for: the finer ones are too many for one answer and drawn too small to name. */
    private static final List<GridLevel> LABELLED = List.of(GridLevel.TOWNSHIP, GridLevel.VILLAGE, GridLevel.GROUP);

    /** The label points of the grids of a level in a grid's subtree (a wall names townships and villages on its map). */
    public Uni<List<GridLabel>> labels(String code, String levelName) {
        known(code);
        GridLevel level = GridLevel.of(levelName == null ? "" : levelName).filter(LABELLED::contains).orElseThrow(() -> new ProblemException(
                ProblemType.INVALID_INPUT, "Say which level to label: level=township, village or group.",
                List.of(new Problem.FieldError("level", "one of township, village, group"))));
        return pool.preparedQuery("""
                        SELECT code, name, ST_X(ST_Transform(c.center, 4326)) AS lon, ST_Y(ST_Transform(c.center, 4326)) AS lat,
                               c.radius AS room
                          FROM grid g, ST_MaximumInscribedCircle(g.geom_3857) c
                         WHERE g.version_id = $1 AND g.level = $2 AND g.code ~>=~ $3 AND g.code ~<~ ($3 || ':')
                           AND g.geom_3857 IS NOT NULL
                         ORDER BY code""")
                .execute(Tuple.of(index.version(), level.code(), code))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new GridLabel(r.getString("code"), r.getString("name"), r.getDouble("lon"), r.getDouble("lat"),
                                Math.round(r.getDouble("room")))).toList());
    }

    /** The grid as a GeoJSON Feature, built by PostGIS. */
    public Uni<String> geometry(String code) {
        known(code);
        return pool.preparedQuery("""
                        SELECT json_build_object('type', 'Feature', 'id', code,
                                 'properties', json_build_object('code', code, 'name', name, 'level', level, 'parent', parent_code,
                                                                 'gridVersion', version_id),
                                 'geometry', ST_AsGeoJSON(geom, 7)::json)::text AS feature
                          FROM grid WHERE version_id = $1 AND code = $2""")
                .execute(Tuple.of(index.version(), code))
                .map(rows -> rows.iterator().next().getString("feature"));
    }

    private Uni<Long> households(IndexedGrid grid) {
        var count = grid.level() == GridLevel.SPECIAL
                ? pool.preparedQuery("SELECT count(*) FROM household h, grid g WHERE g.version_id = $1 AND g.code = $2"
                        + " AND ST_Intersects(h.point, g.geom)").execute(Tuple.of(index.version(), grid.code()))
                // Codes nest by prefix: the households of a grid are those whose grid code starts with its code.
                : pool.preparedQuery("SELECT count(*) FROM household WHERE grid_code ~>=~ $1 AND grid_code ~<~ ($1 || ':')")
                        .execute(Tuple.of(grid.code()));
        return count.map(rows -> rows.iterator().next().getLong(0));
    }

    private IndexedGrid known(String code) {
        GridCode.check(code);
        return index.grid(code).orElseThrow(() -> ProblemException.notFound(index.version() == 0
                ? "No grid version is published yet; publish one first (GIS staff, /api/boundaries)."
                : "No grid has code %s in the published version (v%d).".formatted(code, index.version())));
    }

    /** The finest grid nearest to a point outside every grid, with its distance in metres. */
    private Uni<NearestGrid> nearest(LonLat point) {
        return pool.preparedQuery("""
                        WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS pt),
                             near AS (SELECT code, name, level, geom FROM grid, p
                                       WHERE version_id = $1 AND level <> 'special' ORDER BY geom <-> p.pt LIMIT 12)
                        SELECT code, name, level, ST_Distance(geom::geography, p.pt::geography) AS metres
                          FROM near, p
                         ORDER BY round(ST_Distance(geom::geography, p.pt::geography)),
                                  array_position(ARRAY['base', 'group', 'village', 'township', 'county'], level)
                         LIMIT 1""")
                .execute(Tuple.of(index.version(), point.lon(), point.lat()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) return null;
                    Row r = rows.iterator().next();
                    return new NearestGrid(r.getString("code"), GridLevel.of(r.getString("level")).orElseThrow(), r.getString("name"),
                            Math.round(r.getDouble("metres")));
                });
    }

    private ProblemException outside(LonLat point, NearestGrid nearest, ProblemType type) {
        if (nearest == null) {
            return ProblemException.notFound("No grid version is published yet, so no point is inside the jurisdiction.");
        }
        return new ProblemException(type,
                "The point %s, %s is outside the jurisdiction: the nearest grid is %s (%s), %s away. Check the coordinates."
                        .formatted(point.lon(), point.lat(), nearest.name(), nearest.code(), nearest.distanceText()),
                List.of(), Map.of("nearest", nearest));
    }

    /** The grid closest to a point outside every grid. */
    public record NearestGrid(String code, GridLevel level, String name, long distanceMetres) {
        String distanceText() {
            return distanceMetres >= 1000 ? "%.1f km".formatted(distanceMetres / 1000.0) : distanceMetres + " m";
        }
    }
}
