package org.gridcc.sla;

/** Where a deadline stands at a given moment. */
public enum DeadlineStatus {
    /** Running, not yet near its due time. */
    RUNNING,
    /** Near its due time (临期): past the warning time, not yet due. */
    WARNED,
    /** A duty past its due time and not met (超期). */
    OVERDUE,
    /** An option whose time ran out unused: closed, nobody is late. */
    LAPSED,
    /** Met on or before its due time. */
    MET,
    /** Met after its due time. */
    MET_LATE
}
