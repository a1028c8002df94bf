package org.gridcc.live;

import io.quarkus.security.identity.SecurityIdentity;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;

/** Why a grid is a hotspot, with the numbers. (A path of its own: under /api/grids the grid resource would claim it.) */
@Path("/api/grids/{code}/hotspot")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live", description = "The event stream behind WS /live, and hotspot scores")
public class HotspotResource {

    private final LiveState state;
    private final GridIndex index;
    private final SecurityIdentity identity;

    public HotspotResource(LiveState state, GridIndex index, SecurityIdentity identity) {
        this.state = state;
        this.index = index;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A grid's hotspot level explained",
            description = "For each category: cases in the trailing window, in the baseline before it, the expected count, the "
                    + "Poisson upper-tail probability of seeing that many, and the level it gives (0 none, 1-3 hotter).")
    public Hotspots.Explanation hotspot(@PathParam("code") String code) {
        if (index.grid(code).isEmpty()) throw ProblemException.notFound("No grid has code %s in the published version.".formatted(code));
        Caller caller = Caller.of(identity);
        if (!caller.seesGrid(code)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Grid %s lies outside grid %s that you see; its case counts are not yours to read."
                    .formatted(code, caller.grid()));
        }
        return state.explain(code);
    }
}
