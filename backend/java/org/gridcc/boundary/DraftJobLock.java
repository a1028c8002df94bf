package org.gridcc.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The advisory lock a draft's job holds for its whole transaction, on whichever node it runs.
 * PostgreSQL lets it go when the job ends or its connection dies with the JVM, so a draft that is
 * reading or checking with its lock free has no live job: the start-up sweep ends it and a delete
 * may go ahead. Transaction-level (xact) locks only: nothing to release by hand.
 */
final class DraftJobLock {

    /** The first key of the two-key form, the draft id being the second ("grid" in ASCII, nothing else uses it). */
    static final int KEY = 0x67726964;

    /** An SQL condition, true for a draft (alias d) whose job lock was free and is now held by the caller's transaction. */
    static final String TAKEN_FROM_DEAD_JOB = "pg_try_advisory_xact_lock(" + KEY + ", d.version_id)";

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DraftJobLock() {}

    /** Held until the caller's transaction ends; waits while a delete holds it. */
    static void hold(Connection c, int draft) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, KEY);
            lock.setInt(2, draft);
            lock.execute();
        }
    }

    /** Waits at most this long for a running job to end; false when it did not. */
    static boolean holdWithin(Connection c, int draft, Duration wait) throws SQLException {
        try (Statement timeout = c.createStatement()) {
            timeout.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
        }
        try {
            hold(c, draft);
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) return false;
            throw e;
        }
    }
}
