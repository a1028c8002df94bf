package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * JDBC work on a pooled connection (blocking: worker threads only). Boundary work is bulk
 * (COPY, PostGIS over whole versions) and long, which the reactive client is not made for.
 */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Jdbc() {}

    /** Each statement commits by itself. */
    static <T> T autocommit(DataSource db, Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** All or nothing: committed when the work returns, rolled back when it throws. */
    static <T> T transaction(DataSource db, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
