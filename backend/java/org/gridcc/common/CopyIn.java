package org.gridcc.common;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Bulk writes with PostgreSQL's COPY (JDBC, blocking, in the caller's transaction): rows as values, null as \N. */
public final class CopyIn {

    private static final int CHUNK = 20_000;
    /** Characters sent at most at once: rows can be large (a boundary's geometry is megabytes of hex). */
    private static final int CHUNK_CHARS = 8_000_000;

    private CopyIn() {}

    public static <T> void rows(Connection connection, String copySql, List<T> items, Function<T, Object[]> values) throws SQLException {
        var copier = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            var text = new StringBuilder();
            int rows = 0;
            for (T item : items) {
                text.append(line(values.apply(item))).append('\n');
                if (++rows == CHUNK || text.length() >= CHUNK_CHARS) {
                    send(copier, copySql, text);
                    rows = 0;
                }
            }
            if (rows > 0) send(copier, copySql, text);
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    private static void send(CopyManager copier, String copySql, StringBuilder text) throws SQLException, IOException {
        try (Reader in = new StringReader(text.toString())) {
            copier.copyIn(copySql, in);
        }
        text.setLength(0);
    }

    /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static String line(Object... values) {
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
