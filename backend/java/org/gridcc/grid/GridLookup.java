package org.gridcc.grid;

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
import net.postgis.jdbc.jts.JtsBinaryParser;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point to grid for one grid version: an STRtree over its polygons (IndexedGrid tests a point). Immutable; the
 * {@link GridIndex} holds the published version's, a boundary publish loads the next one's.
 */
public final class GridLookup {

    /**
     * A deeper level first (special grids, the deepest, are all tested); on a shared edge of one level the
     * smaller code first, so the answer is stable. Specials come out sorted by code too.
     */
    private static final Comparator<IndexedGrid> FINEST_FIRST = Comparator.comparingInt((IndexedGrid g) -> -g.level().ordinal())
            .thenComparing(IndexedGrid::code);

    public static final GridLookup EMPTY = new GridLookup(0, new STRtree(), Map.of());

    private final int version;
    private final STRtree tree;
    private final Map<String, IndexedGrid> byCode;

    private GridLookup(int version, STRtree tree, Map<String, IndexedGrid> byCode) {
        this.version = version;
        this.tree = tree;
        this.byCode = byCode;
    }

    /** The published grid version as the caller's transaction sees it (blocking JDBC), or empty before the first publish. */
    public static Optional<Integer> publishedVersion(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT id FROM grid_version WHERE status = 'published'")) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        }
    }

    /** Reads every grid of a version (blocking JDBC; sees the caller's uncommitted writes). */
    public static GridLookup load(Connection c, int version) throws SQLException {
        var parser = new JtsBinaryParser();
        var tree = new STRtree();
        var byCode = new HashMap<String, IndexedGrid>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id, code, level, parent_code, name, geom FROM grid WHERE version_id = ?")) {
            query.setInt(1, version);
            query.setFetchSize(2000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    var shape = parser.parse(rs.getString("geom"));
                    var grid = IndexedGrid.of(rs.getLong("id"), rs.getString("code"),
                            GridLevel.of(rs.getString("level")).orElseThrow(), rs.getString("parent_code"),
                            rs.getString("name"), shape);
                    tree.insert(shape.getEnvelopeInternal(), grid);
                    byCode.put(grid.code(), grid);
                }
            }
        }
        tree.build();
        return new GridLookup(version, tree, Map.copyOf(byCode));
    }

    /** The grid version; 0 for the empty lookup. */
    public int version() {
        return version;
    }

    public int size() {
        return byCode.size();
    }

    public Optional<IndexedGrid> grid(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The chain of grids at a point, or empty when the point is outside every grid. The candidates are
     * tested finest first, and the first that holds the point ends the search: the levels above it are
     * read by parent codes, so a county's or township's long outline is tested only for a point that no
     * finer grid holds.
     */
    @SuppressWarnings("unchecked")
    public Optional<GridChain> locate(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        List<IndexedGrid> candidates = tree.query(new Envelope(lon, lon, lat, lat));
        candidates.sort(FINEST_FIRST);
        IndexedGrid finest = null;
        var special = new ArrayList<GridRef>();
        for (IndexedGrid grid : candidates) {
            if (grid.level() == GridLevel.SPECIAL) {
                if (grid.covers(point)) special.add(grid.ref());
            } else if (finest == null && grid.covers(point)) {
                finest = grid;
            }
        }
        if (finest == null) return Optional.empty();
        return Optional.of(new GridChain(lon, lat, version, chainTo(finest), List.copyOf(special)));
    }

    /** The chain county..grid of a grid named by code, or empty for an unknown code. */
    public Optional<List<GridRef>> chainOf(String code) {
        return Optional.ofNullable(byCode.get(code)).map(this::chainTo);
    }

    private List<GridRef> chainTo(IndexedGrid finest) {
        var chain = new ArrayList<GridRef>();
        for (IndexedGrid g = finest; g != null; g = g.parentCode() == null ? null : byCode.get(g.parentCode())) {
            chain.add(0, g.ref());
        }
        return List.copyOf(chain);
    }
}
