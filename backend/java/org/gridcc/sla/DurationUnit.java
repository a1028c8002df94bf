package org.gridcc.sla;

/** How the length of a deadline is counted. Day-based units end at 24:00 China time. */
public enum DurationUnit {
    /** Elapsed clock hours, nights and holidays included. */
    HOURS,
    /** Natural days (日): the start day is not counted; ends at 24:00 of the last day. */
    CALENDAR_DAYS,
    /** Working days (工作日): the start day is not counted; ends at 24:00 of the n-th working day. */
    WORKING_DAYS,
    /**
     * The day it starts (当天): ends at 24:00 of that day. A case taken in on a day that is not a
     * working day is due at the end of the next working day, the first day the units can act on it.
     */
    SAME_DAY,
    /** The next day (次日), read as the next working day: ends at 24:00 of it. */
    NEXT_WORKING_DAY;

    /** Whether a rule must give an amount (15 days) or the unit is a fixed day (same day, next day). */
    public boolean takesAmount() {
        return this == HOURS || this == CALENDAR_DAYS || this == WORKING_DAYS;
    }
}
