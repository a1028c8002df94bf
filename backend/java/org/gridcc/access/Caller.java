package org.gridcc.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/**
 * Who is asking: the user behind the session or token, with the scope of what they may see. An
 * officer's scope is a grid code (that grid and everything in it: codes nest by prefix); a
 * handler's is a unit, and for the map the unit's grid; a worker's is a grid, as an officer's; everyone else sees the whole county.
 */
public record Caller(int userId, String username, String displayName, Role role, String grid, String unit) {

    /** The attribute of the security identity that carries the caller. */
    static final String ATTRIBUTE = "gridcc.caller";

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity == null ? null : identity.getAttribute(ATTRIBUTE);
        if (caller == null) throw new IllegalStateException("no signed-in caller on this request");
        return caller;
    }

    /** Whether this caller may see what lies in (or is) the grid with this code. */
    public boolean seesGrid(String code) {
        return grid == null || code != null && code.startsWith(grid);
    }

    /**
     * The subtree a query asks for: the grid given, when the caller sees it (403 otherwise), or the
     * caller's own grid when none is given ("" for the whole county: every code starts with it).
     */
    public String subtreeAsked(String grid) {
        if (grid == null) return this.grid == null ? "" : this.grid;
        if (!seesGrid(grid)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Grid %s lies outside grid %s that you serve.".formatted(grid, this.grid));
        }
        return grid;
    }

    /** Whether the grid with this code lies in the caller's scope, or contains it (a parent shown for orientation). */
    public boolean seesAroundGrid(String code) {
        return seesGrid(code) || grid != null && code != null && grid.startsWith(code);
    }

    /** Whether the caller may see and act on a case in this grid (its deepest code) held by this unit (its code). */
    public boolean seesCase(String caseGrid, String caseUnit) {
        return switch (role) {
            case ADMIN -> true;
            case OFFICER -> seesGrid(caseGrid);
            case HANDLER -> unit != null && unit.equals(caseUnit);
            case GIS, WALL, OPEN311, WORKER -> false;
        };
    }

    /** How the audit trail and the case history name this caller: 显示名 (username). */
    public String actorName() {
        return displayName + " (" + username + ")";
    }
}
