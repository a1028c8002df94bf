package org.gridcc.grid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import net.postgis.jdbc.jts.JtsBinaryWriter;
import org.gridcc.common.CopyIn;

/**
 * Writes whole grid versions and households with COPY (JDBC, blocking: call it from a worker
 * thread, inside the caller's transaction). Geometry goes as hex EWKB from PostGIS JDBC.
 */
public final class GridBulkWriter {

    private final Connection connection;
    private final JtsBinaryWriter ewkb = new JtsBinaryWriter();

    public GridBulkWriter(Connection connection) {
        this.connection = connection;
    }

    public int createVersion(String label, String status, String sourceFile, String crs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO grid_version (label, status, source_file, crs, published_at)
                VALUES (?, ?, ?, ?, CASE WHEN ? = 'published' THEN now() END) RETURNING id""")) {
            insert.setString(1, label);
            insert.setString(2, status);
            insert.setString(3, sourceFile);
            insert.setString(4, crs);
            insert.setString(5, status);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void copyGrids(int version, List<NewGrid> grids) throws SQLException {
        CopyIn.rows(connection, "COPY grid (version_id, code, level, parent_code, name, geom, head, workers) FROM STDIN", grids,
                g -> new Object[] {version, g.code(), g.level().code(), g.parentCode(), g.name(), ewkb.writeHexed(g.geometry()), g.head(), g.workers()});
    }

    public void copyHouseholds(List<NewHousehold> households) throws SQLException {
        CopyIn.rows(connection, "COPY household (code, point, grid_code, address) FROM STDIN", households,
                h -> new Object[] {h.code(), ewkb.writeHexed(h.point()), h.gridCode(), h.address()});
    }
}
