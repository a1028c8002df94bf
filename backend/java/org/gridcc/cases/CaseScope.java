package org.gridcc.cases;

import java.util.List;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** The cases a caller may count or list, as a condition on {@code "case" c}: one rule for lists and counts. */
final class CaseScope {

    private CaseScope() {}

    /**
     * Whether the caller may list and count the cases of a grid: an officer those of a grid in its
     * own or holding it (the part in its own); of a grid beside it, nothing (not even a zero).
     * Others are held by the condition alone.
     */
    static boolean covers(Caller caller, String grid) {
        return caller.role() != Role.OFFICER || caller.seesAroundGrid(grid);
    }

    /** 403 for a list of a grid the caller's scope does not cover, naming the scope. */
    static void requireCovered(Caller caller, String grid) {
        if (grid != null && !covers(caller, grid)) {
            throw new ProblemException(ProblemType.OUTSIDE_SCOPE, "Grid %s lies outside grid %s that you serve; its cases are not yours to list."
                    .formatted(grid, caller.grid()));
        }
    }

    /** Adds the condition's parameters to args. Aggregates carry no personal data: GIS staff and walls count everything. */
    static String condition(Caller caller, List<Object> args) {
        return switch (caller.role()) {
            case OFFICER -> {
                args.add(caller.grid());
                yield CasePlace.in(args.size());
            }
            case HANDLER -> {
                args.add(caller.unit());
                yield "c.unit_id = (SELECT id FROM unit WHERE code = $%d)".formatted(args.size());
            }
            case ADMIN, GIS, WALL -> "true";
            case OPEN311, WORKER -> "false";
        };
    }
}
