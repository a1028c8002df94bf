package org.gridcc.live;

import java.util.HashMap;
import java.util.Map;

/** The running counts of one grid, changed case by case. */
final class GridTally {

    int open, warned, overdue, newToday, supervised, hot;
    private final Map<String, Integer> openByCategory = new HashMap<>();

    /** Adds (sign 1) or takes away (sign -1) what one case contributes. */
    void count(LiveCase c, boolean receivedToday, int sign) {
        if (receivedToday) newToday += sign;
        if (!c.open()) return;
        open += sign;
        if (c.overdue()) overdue += sign;
        else if (c.warned()) warned += sign;
        if (c.supervised()) supervised += sign;
        openByCategory.merge(c.category(), sign, Integer::sum);
        if (openByCategory.get(c.category()) == 0) openByCategory.remove(c.category());
    }

    GridState state() {
        String top = null;
        int most = 0;
        for (var entry : openByCategory.entrySet()) {
            if (entry.getValue() > most || entry.getValue() == most && top != null && entry.getKey().compareTo(top) < 0) {
                top = entry.getKey();
                most = entry.getValue();
            }
        }
        return new GridState(open, warned, overdue, newToday, supervised, hot, top);
    }
}
