package org.gridcc.grid.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.gridcc.common.ServiceClock;
import javax.sql.DataSource;
import org.gridcc.grid.GridBulkWriter;
import org.gridcc.grid.GridIndex;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with a generated county (the demo data of ./run and the tests) as
 * published grid version 1. A database that has any grid version is left alone.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    /** Serialises loaders of several nodes starting on one empty database. */
    private static final long LOCK = 0x6772_6964_6363L;

    private final DataSource db;
    private final DemoDataConfig config;
    private final DemoBodies bodies;
    private final DemoPeople people;
    private final Instance<DemoHistory> histories;
    private final ServiceClock clock;
    private long lastProgress;

    public DemoDataLoader(DataSource db, DemoDataConfig config, DemoBodies bodies, DemoPeople people, @Any Instance<DemoHistory> histories,
                          ServiceClock clock) {
        this.db = db;
        this.config = config;
        this.bodies = bodies;
        this.people = people;
        this.histories = histories;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(GridIndex.STARTUP_PRIORITY - 100) StartupEvent start) throws SQLException {
        if (config.county().isEmpty()) return;
        String county = config.county().get();
        DemoScale scale = DemoScale.forCounty(county).orElseThrow(() -> new IllegalArgumentException(
                "gridcc.demo.county=%s: there is no demo scale for that county".formatted(county))).times(config.scale());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            if (hasGrids(c)) {
                c.rollback();
                return;
            }
            load(c, scale);
            c.commit();
            // Until autovacuum gets to them the planner knows nothing of the tables just filled, and
            // spatial joins over them (households to grids) scan sequentially: minutes, not seconds.
            c.setAutoCommit(true);
            c.createStatement().execute("ANALYZE grid, household, unit, person");
        }
    }

    private void load(Connection c, DemoScale scale) throws SQLException {
        long started = System.nanoTime();
        CountyOutline outline = CountyOutlines.load(scale.countyCode()).enlarged(config.scale());
        LOG.infof("Demo data: generating %s (%s) with seed %d at %d times its scale", outline.name(), outline.code(), config.seed(),
                config.scale());
        DemoGrid demo = new DemoGridGenerator(config.seed(), this::progress).generate(outline, scale);
        var writer = new GridBulkWriter(c);
        boolean scaled = config.scale() != 1;
        int version = writer.createVersion("%s 演示网格（生成数据%s）".formatted(outline.name(), scaled ? "，%d 倍规模".formatted(config.scale()) : ""),
                "published", "demo-generator:%s:seed=%d%s".formatted(outline.code(), config.seed(), scaled ? ":scale=" + config.scale() : ""),
                "EPSG:4326");
        LOG.infof("Demo data: writing %,d grids", demo.grids().size());
        writer.copyGrids(version, demo.grids());
        LOG.infof("Demo data: writing %,d households", demo.households().size());
        writer.copyHouseholds(demo.households());
        LOG.infof("Demo data: %,d responsible units", bodies.write(c, demo.grids()));
        LOG.infof("Demo data: %,d people (heads, grid workers, inspectors, mediators, leaders)", people.write(c, demo.grids(), config.seed()));
        LocalDate today = LocalDate.ofInstant(clock.now(), ServiceClock.CHINA);
        for (DemoHistory history : histories) LOG.infof("Demo data: %s", history.write(c, demo.grids(), config.seed(), today));
        LOG.infof("Demo data: %s published as grid version %d in %.1f s", outline.name(), version,
                (System.nanoTime() - started) / 1e9);
    }

    /** One line per step when it ends, and at most one a second before that. */
    private void progress(String what, int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - lastProgress > 1_000_000_000L) {
            lastProgress = now;
            LOG.infof("Demo data: %s %,d/%,d", what, done, total);
        }
    }

    private static boolean hasGrids(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM grid_version)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
