package org.gridcc.grid;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import net.postgis.jdbc.jts.JtsBinaryParser;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point to grid in process: an STRtree over the prepared polygons of the published version,
 * rebuilt when a version is published. PostGIS stays the truth; this answers the hot path
 * (every case intake, every click on the map) without a database round trip.
 */
@ApplicationScoped
public class GridIndex {

    /** After the demo data is loaded (see DemoDataLoader), before the service takes requests. */
    public static final int STARTUP_PRIORITY = 200;

    private static final Logger LOG = Logger.getLogger(GridIndex.class);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private record Snapshot(int version, STRtree tree, Map<String, IndexedGrid> byCode) {}

    private final DataSource db;
    /** Tells the live view when another version is loaded; absent when the index is used outside the container (benchmarks). */
    @Inject
    Event<GridVersionChanged> versionChanged;
    private volatile Snapshot current = new Snapshot(0, new STRtree(), Map.of());

    public GridIndex(DataSource db) {
        this.db = db;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        rebuild();
    }

    /** Loads the published version; blocking (JDBC), so never call it on the event loop. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        try (Connection c = db.getConnection()) {
            Optional<Integer> published = publishedVersion(c);
            if (published.isEmpty()) {
                current = new Snapshot(0, new STRtree(), Map.of());
                LOG.info("No grid version is published yet: point lookups find nothing until one is");
                return;
            }
            Snapshot next = load(c, published.get());
            int before = current.version();
            current = next;
            if (versionChanged != null && before != 0 && before != next.version()) versionChanged.fireAsync(new GridVersionChanged(next.version()));
            LOG.infof("Grid index: version %d, %,d grids in %d ms", next.version(), next.byCode().size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the published grids: " + e.getMessage(), e);
        }
    }

    /** The published version the index holds; 0 when none is published. */
    public int version() {
        return current.version();
    }

    public Optional<IndexedGrid> grid(String code) {
        return Optional.ofNullable(current.byCode().get(code));
    }

    /** The chain of grids at a point, or empty when the point is outside every grid. */
    public Optional<GridChain> locate(double lon, double lat) {
        Snapshot snapshot = current;
        Point point = WGS84.createPoint(new Coordinate(lon, lat));
        IndexedGrid finest = null;
        var special = new ArrayList<GridRef>();
        for (Object candidate : snapshot.tree().query(new Envelope(lon, lon, lat, lat))) {
            IndexedGrid grid = (IndexedGrid) candidate;
            if (!grid.shape().intersects(point)) continue;
            if (grid.level() == GridLevel.SPECIAL) {
                special.add(grid.ref());
            } else if (finest == null || finer(grid, finest)) {
                finest = grid;
            }
        }
        if (finest == null) return Optional.empty();
        special.sort(Comparator.comparing(GridRef::code));
        return Optional.of(new GridChain(lon, lat, snapshot.version(), chainTo(snapshot, finest), List.copyOf(special)));
    }

    /** The chain county..grid of a grid named by code, or empty for an unknown code. */
    public Optional<List<GridRef>> chainOf(String code) {
        Snapshot snapshot = current;
        return Optional.ofNullable(snapshot.byCode().get(code)).map(grid -> chainTo(snapshot, grid));
    }

    /** A deeper level wins; on a shared edge of one level the smaller code wins, so the answer is stable. */
    private static boolean finer(IndexedGrid a, IndexedGrid b) {
        int byLevel = Integer.compare(a.level().ordinal(), b.level().ordinal());
        return byLevel > 0 || (byLevel == 0 && a.code().compareTo(b.code()) < 0);
    }

    private static List<GridRef> chainTo(Snapshot snapshot, IndexedGrid finest) {
        var chain = new ArrayList<GridRef>();
        for (IndexedGrid g = finest; g != null; g = g.parentCode() == null ? null : snapshot.byCode().get(g.parentCode())) {
            chain.add(0, g.ref());
        }
        return List.copyOf(chain);
    }

    private static Optional<Integer> publishedVersion(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT id FROM grid_version WHERE status = 'published'")) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        }
    }

    private static Snapshot load(Connection c, int version) throws SQLException {
        var parser = new JtsBinaryParser();
        var prepare = new PreparedGeometryFactory();
        var tree = new STRtree();
        var byCode = new HashMap<String, IndexedGrid>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id, code, level, parent_code, name, geom FROM grid WHERE version_id = ?")) {
            query.setInt(1, version);
            query.setFetchSize(2000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    var shape = prepare.create(parser.parse(rs.getString("geom")));
                    var grid = new IndexedGrid(rs.getLong("id"), rs.getString("code"),
                            GridLevel.of(rs.getString("level")).orElseThrow(), rs.getString("parent_code"),
                            rs.getString("name"), shape);
                    tree.insert(shape.getGeometry().getEnvelopeInternal(), grid);
                    byCode.put(grid.code(), grid);
                }
            }
        }
        tree.build();
        return new Snapshot(version, tree, Map.copyOf(byCode));
    }
}
