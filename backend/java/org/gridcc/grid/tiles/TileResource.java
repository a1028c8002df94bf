package org.gridcc.grid.tiles;

import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** Grid polygons as vector tiles for the map; live colours come separately, from /live. */
@Path("/tiles/grids/{z}/{x}/{y}.mvt")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
@Tag(name = "Tiles", description = "Vector tiles of the grid levels (Mapbox Vector Tile 2.1)")
public class TileResource {

    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    /** A named version, once published, never changes: its tiles may be kept for good (by the browser only: they need sign-in). */
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";
    /** Without a version the published one is meant, which a publish replaces; a draft changes when checked again: ask each time. */
    private static final String REVALIDATE = "private, no-cache";

    private final GridTileSource tiles;
    private final GridIndex index;
    private final SecurityIdentity identity;

    public TileResource(GridTileSource tiles, GridIndex index, SecurityIdentity identity) {
        this.tiles = tiles;
        this.index = index;
        this.identity = identity;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "A tile with one layer per grid level (county, township, village, group, base, special) and households from z15",
            description = "Feature id = grid id; properties code, name, level. 204 when the tile is empty. "
                    + "Strong ETag; If-None-Match gives 304.")
    public Uni<RestResponse<byte[]>> tile(@PathParam("z") String z, @PathParam("x") String x, @PathParam("y") String y,
                              @Parameter(description = "grid version; the published one when absent") @QueryParam("v") String v,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TileAddress at = TileAddress.parse(z, x, y);
        if (v == null) return tiles.tile(published(), at).map(tile -> answer(tile, REVALIDATE, ifNoneMatch));
        int version = versionNumber(v);
        boolean seesDrafts = seesDrafts(); // the caller is read here: the callback runs after the request context is set aside
        return tiles.status(version).chain(status -> {
            boolean draft = status.orElseThrow(() -> ProblemException.notFound("There is no grid version %d.".formatted(version)))
                    .equals("draft");
            if (draft && !seesDrafts) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Grid version %d is a draft; only GIS staff and administrators see drafts."
                        .formatted(version));
            }
            return tiles.tile(version, at).map(tile -> answer(tile, draft ? REVALIDATE : IMMUTABLE, ifNoneMatch));
        });
    }

    /** Typed, so that Quarkus REST picks the body's writer once, at build time, rather than per answer. */
    private static RestResponse<byte[]> answer(Tile tile, String cacheControl, String ifNoneMatch) {
        ResponseBuilder<byte[]> answer = matches(ifNoneMatch, tile.etag()) ? ResponseBuilder.notModified()
                : tile.isEmpty() ? ResponseBuilder.noContent()
                : ResponseBuilder.ok(tile.body(), MEDIA_TYPE);
        return answer.tag(new EntityTag(tile.etag().substring(1, tile.etag().length() - 1)))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    private int published() {
        int version = index.version();
        if (version == 0) throw ProblemException.notFound("No grid version is published yet, so there are no tiles.");
        return version;
    }

    private static int versionNumber(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "v names a grid version by its number.",
                    List.of(new FieldError("v", "\"%s\" is not a whole number".formatted(v))));
        }
    }

    /** A draft is the GIS staff's work in progress: nobody else sees it until it is published. */
    private boolean seesDrafts() {
        return identity.hasRole(Role.ADMIN_NAME) || identity.hasRole(Role.GIS_NAME);
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
