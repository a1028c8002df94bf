package org.gridcc.common;

/**
 * Fired (synchronously, after commit) by whoever has just written case events, so that the
 * live relay numbers and publishes them at once instead of at its next sweep. A wake-up by
 * PostgreSQL NOTIFY would do the same across nodes, but every transaction that notifies takes
 * one database-wide lock at commit, which serialises intake.
 */
public record CaseEventsWritten() {

    public static final CaseEventsWritten NOW = new CaseEventsWritten();
}
