package org.gridcc.cases.open311;

import org.gridcc.cases.CaseStatus;

/** A case's state in Open311's terms: open or closed, and the status note that says which state it is. */
final class Open311Status {

    private Open311Status() {}

    /** Closed once the case is resolved: handled to the end, or closed (not taken on, archived). */
    static boolean closed(CaseStatus status) {
        return status.phase() == CaseStatus.Phase.HANDLED || status.phase() == CaseStatus.Phase.CLOSED;
    }

    static String of(CaseStatus status) {
        return closed(status) ? "closed" : "open";
    }

    /** The centre's word for the state, and its code: 已交办（dispatched）. */
    static String note(CaseStatus status) {
        return status.label() + "（" + status.code() + "）";
    }
}
