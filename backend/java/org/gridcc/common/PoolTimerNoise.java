package org.gridcc.common;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the stack traces the SQL client's pool leaves after an outage: every query whose connection
 * could not be had leaves a timer that fails its already failed result once the acquisition timeout
 * is past ({@code IllegalStateException: Result is already complete}, twenty lines each,
 * vertx-sql-client issue 1706, open; 4.5.25 as in Quarkus 3.32.1 has it and no release fixes it).
 * The request was answered already (503, see {@link DatabaseOutage}); nothing else is dropped.
 */
@LoggingFilter(name = "pool-timer-noise")
public final class PoolTimerNoise implements Filter {

    private static final String POOL = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !isPoolTimerFault(record.getThrown());
    }

    static boolean isPoolTimerFault(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !"Result is already complete".equals(thrown.getMessage())) return false;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals(POOL)) return true;
        }
        return false;
    }
}
