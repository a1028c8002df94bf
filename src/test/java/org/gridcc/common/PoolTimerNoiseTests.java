package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The log filter drops the pool timer's fault and nothing that only looks like it. */
class PoolTimerNoiseTests {

    private static final StackTraceElement POOL_TIMER =
            new StackTraceElement("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3", "SqlConnectionPool.java", 216);
    private static final StackTraceElement ELSEWHERE = new StackTraceElement("org.gridcc.cases.CaseRecord", "write", "CaseRecord.java", 10);

    @Test
    void theTimerOfTheSqlClientsPoolIsDropped() {
        assertThat(new PoolTimerNoise().isLoggable(record(thrown("Result is already complete", POOL_TIMER)))).isFalse();
    }

    @Test
    void theSameMessageFromElsewhereOrAnotherFaultOfThePoolIsKept() {
        var filter = new PoolTimerNoise();
        assertThat(filter.isLoggable(record(thrown("Result is already complete", ELSEWHERE)))).isTrue();
        assertThat(filter.isLoggable(record(thrown("Connection released twice", POOL_TIMER)))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, "Result is already complete"))).isTrue();
    }

    private static IllegalStateException thrown(String message, StackTraceElement frame) {
        var e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90), frame});
        return e;
    }

    private static LogRecord record(Throwable thrown) {
        var record = new LogRecord(Level.SEVERE, "Uncaught exception received by Vert.x");
        record.setThrown(thrown);
        return record;
    }
}
