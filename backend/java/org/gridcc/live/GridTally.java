package org.gridcc.live;

/** The running counts of one grid, changed case by case: its colours, and its share of the key figures. */
final class GridTally {

    int open, warned, overdue, newToday, supervised, hot;

    /** Adds (sign 1) or takes away (sign -1) what one case contributes. */
    void count(LiveCase c, boolean receivedToday, int sign) {
        if (receivedToday) newToday += sign;
        if (!c.open()) return;
        open += sign;
        if (c.overdue()) overdue += sign;
        else if (c.warned()) warned += sign;
        if (c.supervised()) supervised += sign;
    }

    GridState state() {
        return new GridState(open, warned, overdue, hot);
    }
}
