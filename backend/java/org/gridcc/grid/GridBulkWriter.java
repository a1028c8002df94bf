package org.gridcc.grid;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import net.postgis.jdbc.jts.JtsBinaryWriter;
import org.postgresql.PGConnection;

/**
 * Writes whole grid versions and households with COPY (JDBC, blocking: call it from a worker
 * thread, inside the caller's transaction). Geometry goes as hex EWKB from PostGIS JDBC.
 */
public final class GridBulkWriter {

    private static final int CHUNK = 20_000;

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
        copy("COPY grid (version_id, code, level, parent_code, name, geom, head, workers) FROM STDIN", grids,
                g -> row(version, g.code(), g.level().code(), g.parentCode(), g.name(), ewkb.writeHexed(g.geometry()), g.head(), g.workers()));
    }

    public void copyHouseholds(List<NewHousehold> households) throws SQLException {
        copy("COPY household (code, point, grid_code, address) FROM STDIN", households,
                h -> row(h.code(), ewkb.writeHexed(h.point()), h.gridCode(), h.address()));
    }

    private <T> void copy(String sql, List<T> items, Function<T, String> line) throws SQLException {
        var copier = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            for (int from = 0; from < items.size(); from += CHUNK) {
                var text = new StringBuilder();
                for (T item : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                    text.append(line.apply(item)).append('\n');
                }
                try (Reader in = new StringReader(text.toString())) {
                    copier.copyIn(sql, in);
                }
            }
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static String row(Object... values) {
        var line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (i > 0) line.append('\t');
            if (value == null) {
                line.append("\\N");
                continue;
            }
            for (char ch : value.toString().toCharArray()) {
                switch (ch) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(ch);
                }
            }
        }
        return line.toString();
    }
}
