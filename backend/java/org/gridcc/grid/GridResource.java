package org.gridcc.grid;

import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The grids of the published version: which grid a point is in, and what a grid holds. */
@Path("/api/grids")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grids", description = "The grid hierarchy (一张网) of the published version")
public class GridResource {

    private final GridService grids;
    private final SecurityIdentity identity;

    public GridResource(GridService grids, SecurityIdentity identity) {
        this.grids = grids;
        this.identity = identity;
    }

    /** The levels with their names and zooms, for the pages' maps: shown from {@code min} to {@code max}, in the tiles from {@code tilesFrom}. */
    public record LevelView(String layer, String name, String en, int min, int max, int tilesFrom, int codeLength, String parent) {
        static LevelView of(GridLevel level) {
            return new LevelView(level.code(), level.chinese(), level.english(), level.minZoom(), level.maxZoom(), level.tilesFrom(),
                    level.codeLength(), level.parent().map(GridLevel::code).orElse(null));
        }
    }

    @GET
    @Path("/levels")
    @PermitAll // the same for everyone, and needed before a wall is enrolled
    @Operation(summary = "The grid levels, coarsest first: name, the zooms a map shows each at, code length, parent level")
    public List<LevelView> levels() {
        return java.util.Arrays.stream(GridLevel.values()).map(LevelView::of).toList();
    }

    @GET
    @Path("/at")
    @Operation(summary = "The grids containing a point, county down to the finest grid, plus special grids there",
            description = "A point outside the jurisdiction is a 404 that names the nearest grid and its distance.")
    public Uni<GridChain> at(@Parameter(description = "longitude, decimal degrees", example = "104.3") @QueryParam("lon") String lon,
                             @Parameter(description = "latitude, decimal degrees", example = "24.9") @QueryParam("lat") String lat) {
        return grids.at(LonLat.parse(lon, lat));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One grid: level, name, parent, head, counts of children, households and open cases",
            description = "Open cases are those the caller may see: an officer's in its subtree, a handler's unit's.")
    public Uni<GridDetails> grid(@PathParam("code") String code) {
        return grids.details(code, Caller.of(identity));
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "The grids one level down (special grids last), with their households")
    public Uni<List<GridChild>> children(@PathParam("code") String code) {
        return grids.children(code);
    }

    @GET
    @Path("/{code}/labels")
    @Operation(summary = "Where to write the names of the grids of a level in the grid's subtree (township, village or group)",
            description = "Each label: code, name, lon/lat of the centre of the largest circle inside the grid, and its radius in"
                    + " Web Mercator metres (room), so that a map can tell whether the name fits at its zoom.")
    public Uni<List<GridLabel>> labels(@PathParam("code") String code,
                                       @Parameter(description = "township, village or group", example = "village") @QueryParam("level") String level) {
        return grids.labels(code, level);
    }

    @GET
    @Path("/{code}/geometry")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The grid's polygon as a GeoJSON Feature (EPSG:4326)")
    public Uni<String> geometry(@PathParam("code") String code) {
        return grids.geometry(code);
    }
}
