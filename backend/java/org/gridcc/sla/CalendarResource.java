package org.gridcc.sla;

import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The working-day calendar that deadlines are counted on. */
@Path("/api/calendar/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Official holidays and swapped workdays (工作日历)")
public class CalendarResource {

    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "The holidays and swapped workdays of a year")
    public Uni<CalendarYear> get(@PathParam("year") @Min(value = 2000, message = "year must be 2000 or later")
                                 @Max(value = 2100, message = "year must be 2100 or earlier") int year) {
        return calendar.year(year);
    }

    @PUT
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load or replace a year's calendar (admin)",
            description = "Replaces every entry of the year in one transaction, which also recomputes the deadlines of open "
                    + "cases counted over that year (each change recorded in the case's history as DEADLINES_RECOMPUTED). "
                    + "Weekdays not listed are working days; weekend days not listed are days off.")
    public Uni<CalendarYear> replace(@PathParam("year") @Min(value = 2000, message = "year must be 2000 or later")
                                     @Max(value = 2100, message = "year must be 2100 or earlier") int year,
                                     @NotNull(message = "send the calendar as a JSON body") @Valid CalendarYear body) {
        return calendar.replaceYear(year, body);
    }
}
