package org.gridcc.grid;

import org.gridcc.access.KnownGrids;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.gridcc.common.NodeNotices;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Point to grid in process: the {@link GridLookup} of the published version, replaced when a
 * version is published. PostGIS stays the truth; this answers the hot path
 * (every case intake, every click on the map) without a database round trip.
 */
@ApplicationScoped
public class GridIndex implements KnownGrids {

    /** After the demo data is loaded (see DemoDataLoader), before the service takes requests. */
    public static final int STARTUP_PRIORITY = 200;

    private static final Logger LOG = Logger.getLogger(GridIndex.class);
    private final DataSource db;
    /** Tells the live view when another version is loaded; absent when the index is used outside the container (benchmarks). */
    @Inject
    Event<GridVersionChanged> versionChanged;
    /** Tells the other nodes when this one published or rolled back a version; absent outside the container too. */
    @Inject
    NodeNotices notices;
    private volatile GridLookup current = GridLookup.EMPTY;

    public GridIndex(DataSource db) {
        this.db = db;
    }

    /** The channel on which the node that switched the published version tells the others. */
    private static final String VERSION_SWITCHED = "gridcc_grid_version_switched";

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        rebuild();
        // Another node published or rolled back: load what is published now (JDBC, so off the event loop).
        notices.listen(VERSION_SWITCHED, () -> Infrastructure.getDefaultWorkerPool().execute(this::followPublished));
    }

    /** Loads the published version if it is not the one held. */
    synchronized void followPublished() {
        try (Connection c = db.getConnection()) {
            if (GridLookup.publishedVersion(c).orElse(0) == current.version()) return;
        } catch (SQLException e) {
            LOG.errorf("Grid index: the published version not read (%s)", e.getMessage());
            return;
        }
        rebuild();
    }

    @Override
    public boolean exists(String gridCode) {
        return grid(gridCode).isPresent();
    }

    /** Loads the published version; blocking (JDBC), so never call it on the event loop. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        try (Connection c = db.getConnection()) {
            Optional<Integer> published = GridLookup.publishedVersion(c);
            if (published.isEmpty()) {
                current = GridLookup.EMPTY;
                LOG.info("No grid version is published yet: point lookups find nothing until one is");
                return;
            }
            switchTo(GridLookup.load(c, published.get()));
            LOG.infof("Grid index: version %d, %,d grids in %d ms", current.version(), current.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the published grids: " + e.getMessage(), e);
        }
    }

    /**
     * Takes a lookup of the version just published (a publish has loaded it already, in its
     * transaction); tells the live view when the version is another.
     */
    public synchronized void use(GridLookup next) {
        switchTo(next);
        if (notices != null) {
            notices.tell(VERSION_SWITCHED).subscribe().with(ok -> {},
                    e -> LOG.errorf("Grid index: other nodes not told of version %d (%s); they load it at their next start", next.version(), e.getMessage()));
        }
    }

    private void switchTo(GridLookup next) {
        int before = current.version();
        current = next;
        if (versionChanged != null && before != 0 && before != next.version()) versionChanged.fireAsync(new GridVersionChanged(next.version()));
    }

    /** The published version's lookup as the index holds it now. */
    public GridLookup lookup() {
        return current;
    }

    /** The published version the index holds; 0 when none is published. */
    public int version() {
        return current.version();
    }

    public Optional<IndexedGrid> grid(String code) {
        return current.grid(code);
    }

    /** The chain of grids at a point, or empty when the point is outside every grid. */
    public Optional<GridChain> locate(double lon, double lat) {
        return current.locate(lon, lat);
    }

    /** The chain county..grid of a grid named by code, or empty for an unknown code. */
    public Optional<List<GridRef>> chainOf(String code) {
        return current.chainOf(code);
    }
}
