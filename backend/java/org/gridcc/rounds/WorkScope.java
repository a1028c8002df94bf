package org.gridcc.rounds;

import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.ProblemException;

/**
 * Who sees which rounds and patrol reports: a worker its own, an officer its grid, a handler its unit's
 * grid, an admin all (the grid each round or report lies in decides).
 */
final class WorkScope {

    private WorkScope() {}

    /** The user whose own records alone the caller reads (a worker's), or null for all in its grid. */
    static Integer onlyOf(Caller caller) {
        return caller.role() == Role.WORKER ? caller.userId() : null;
    }

    static void mayRead(Caller caller, String grid, Integer filer) {
        boolean may = caller.role() == Role.WORKER ? filer != null && filer == caller.userId() : caller.seesGrid(grid);
        if (!may) throw ProblemException.notFound("There is no such record among those you may read.");
    }
}
