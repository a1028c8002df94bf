package org.gridcc.sla;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What must change with the official calendar, in the same transaction as the calendar: the
 * deadlines of open cases counted over the year that was loaded or changed. Implemented where
 * cases are kept, so that this package needs nothing of theirs.
 */
public interface CalendarChange {

    /**
     * Called inside the transaction that replaced {@code year}; {@code calendar} is the calendar with
     * the change. Answers what to do once the transaction has committed.
     */
    Uni<Runnable> applied(SqlConnection tx, int year, WorkingCalendar calendar);
}
