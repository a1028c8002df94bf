package org.gridcc.grid;

import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/households")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grids")
public class HouseholdResource {

    private final HouseholdService households;

    public HouseholdResource(HouseholdService households) {
        this.households = households;
    }

    @POST
    @Path("/count")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    @Operation(summary = "Households inside a drawn polygon: the total and per finest grid",
            description = "The body is a GeoJSON Polygon or MultiPolygon in lon/lat, or a Feature holding one.")
    public Uni<HouseholdCount> count(String geoJson) {
        return households.countIn(DrawnArea.parse(geoJson));
    }
}
