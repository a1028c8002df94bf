package org.gridcc.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Tells the database being out of reach (a refused or lost connection, no connection from the pool
 * in time, a server shutting down) from a bug: the request is answered 503 with Retry-After, and the
 * log gets one short line every few seconds instead of a stack trace per request. The failure is
 * found in the cause chain of whichever way reached the database: the Vert.x reactive client,
 * Hibernate Reactive (which wraps it), or JDBC through Agroal.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    /** What a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** At most one log line in this many milliseconds; the requests between are counted in the next one. */
    private static final long LOG_EVERY_MILLIS = 10_000;

    /** Connection exceptions (class 08), shutdowns and a server not taking connections yet (57P01-57P03), too many connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** The Vert.x client's own words for a lost connection and for a pool that gave none in time. */
    private static final Set<String> VERTX_MESSAGES = Set.of("Connection was closed", "Timeout waiting for connection");
    /** Agroal's words for a pool that gave no connection in time (an exception without a state). */
    private static final String AGROAL_TIMEOUT = "acquisition timeout";

    private static final AtomicLong lastLine = new AtomicLong();
    private static final AtomicInteger unlogged = new AtomicInteger();

    private DatabaseOutage() {}

    /** The failure that shows the database out of reach, or null when the failure is something else. */
    public static Throwable causeIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isOutage(t)) return t;
        }
        return null;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof ConnectException || t instanceof ClosedConnectionException || t instanceof ClosedChannelException) return true;
        if (t instanceof PgException pg) return outageState(pg.getSqlState());
        if (t instanceof SQLException sql) {
            return outageState(sql.getSQLState()) || sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase().contains(AGROAL_TIMEOUT);
        }
        if (t instanceof io.vertx.core.VertxException) return VERTX_MESSAGES.contains(t.getMessage());
        // A pool's getConnection() that timed out fails with a bare "Timeout" (Future.failedFuture).
        return t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable") && "Timeout".equals(t.getMessage());
    }

    private static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }

    /** The 503 a request gets during an outage (logged here, briefly). */
    public static ProblemException refusal(Throwable cause, String request) {
        note(cause, request);
        return new ProblemException(ProblemType.DATABASE_UNAVAILABLE,
                "The database cannot be reached just now. Try again in %d seconds."
                        .formatted(RETRY_AFTER_SECONDS),
                List.of(), Map.of(ProblemMapper.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

    private static void note(Throwable cause, String request) {
        long now = System.currentTimeMillis();
        long last = lastLine.get();
        if (now - last < LOG_EVERY_MILLIS || !lastLine.compareAndSet(last, now)) {
            unlogged.incrementAndGet();
            return;
        }
        int others = unlogged.getAndSet(0);
        LOG.warnf("Database unavailable (%s): answered 503 to %s%s", cause.getMessage(), request,
                others == 0 ? "" : " and to %d other requests since the last note".formatted(others));
    }
}
