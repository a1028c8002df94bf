package org.gridcc.rounds;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.Locations;

/** Patrol inspectors' daily reports (民情巡察员: 每日必学、每日必巡、每日必察、每日必报, Lanshan). */
@Path("/api/patrol-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patrol reports", description = "民情巡察: an inspector's report each day, missing ones flagged, counts")
public class PatrolReportResource {

    private final PatrolReports reports;
    private final Findings findings;
    private final RoundCompletion completion;
    private final SecurityIdentity identity;

    public PatrolReportResource(PatrolReports reports, Findings findings, RoundCompletion completion, SecurityIdentity identity) {
        this.reports = reports;
        this.findings = findings;
        this.completion = completion;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.WORKER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File the day's report (one a day)",
            description = "day (today when absent, at most gridcc.patrol.file-within-days, 7, ago), studied, visited (grids in the "
                    + "inspector's area), observed, notes, findings {title, category, description, grid}. 409 for a second report of a day.")
    public Uni<Response> file(@NotNull(message = "send the report as a JSON body") @Valid NewPatrolReport report) {
        return reports.file(report, Caller.of(identity))
                .map(view -> Locations.created("/api/patrol-reports/" + view.id()).entity(view).build());
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WORKER_NAME})
    @Operation(summary = "Reports of the inspectors of a grid (a worker: its own), newest first",
            description = "grid (the caller's when absent), from/to (the last 30 days by default), limit (at most 500, 100).")
    public Uni<List<PatrolReports.ReportView>> list(@QueryParam("grid") String grid, @QueryParam("from") String from,
                                                   @QueryParam("to") String to, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        var query = FieldQuery.read(caller, grid, from, to, limit, 100, 500, completion.today(), new ArrayList<>());
        return reports.list(query.grid(), query.from(), query.to(), query.limit(), caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WORKER_NAME})
    @Operation(summary = "A report with its findings and their cases")
    public Uni<PatrolReports.ReportView> one(@PathParam("id") long id) {
        return reports.one(id, Caller.of(identity));
    }

    @POST
    @Path("/{id}/findings/{position}/case")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.WORKER_NAME})
    @Operation(summary = "Take a finding of a report in as a case (channel patrol_inspector), linked to the report",
            description = "Through the case intake; 201 the first time, 200 with the same case after that.")
    public Uni<Response> takeIn(@PathParam("id") long id, @PathParam("position") int position) {
        return findings.takeIn(Findings.Owner.PATROL_REPORT, id, position, Caller.of(identity)).map(Findings.TakenIn::response);
    }

    @GET
    @Path("/missing")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Missing daily reports of a grid's inspectors, the latest first",
            description = "Each working day since an inspector's first report without a report of it, to yesterday. grid (the caller's "
                    + "when absent), from/to (the last 30 days by default), limit (at most 1000, 200).")
    public Uni<PatrolReports.MissingList> missing(@QueryParam("grid") String grid, @QueryParam("from") String from,
                                                 @QueryParam("to") String to, @QueryParam("limit") String limit) {
        var query = FieldQuery.read(Caller.of(identity), grid, from, to, limit, 200, 1000, completion.today(), new ArrayList<>());
        return reports.missing(query.grid(), query.from(), query.to(), query.limit());
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Reports, findings and cases per inspector, and reports per month",
            description = "grid (the caller's when absent), from/to (the last 30 days by default).")
    public Uni<PatrolReports.Counts> counts(@QueryParam("grid") String grid, @QueryParam("from") String from, @QueryParam("to") String to) {
        var query = FieldQuery.read(Caller.of(identity), grid, from, to, null, 1, 1, completion.today(), new ArrayList<>());
        return reports.counts(query.grid(), query.from(), query.to());
    }
}
