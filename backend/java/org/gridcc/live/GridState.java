package org.gridcc.live;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the wall shows of one grid: open cases, those warned of a deadline, those overdue, cases
 * received today, supervised (督办) cases, the hotspot level (0-3) and the category with most open
 * cases. Zero fields are left out of the JSON: a grid sent as {} has nothing open.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record GridState(int open, int warned, int overdue, int newToday, int supervised, int hot, String topCategory) {

    static final GridState EMPTY = new GridState(0, 0, 0, 0, 0, 0, null);

    boolean isEmpty() {
        return equals(EMPTY);
    }
}
