package org.gridcc.live;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a map colours a grid by: its open cases, those warned of a deadline, those overdue, and its
 * hotspot level (0-3). Nothing else: every client gets every change of it, so each field costs
 * every wall bytes on every delta. Zero fields are left out of the JSON: a grid sent as {} has
 * nothing open.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record GridState(int open, int warned, int overdue, int hot) {

    static final GridState EMPTY = new GridState(0, 0, 0, 0);

    boolean isEmpty() {
        return equals(EMPTY);
    }
}
