package org.gridcc.risk;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.Locations;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.QueryValues;
import org.gridcc.common.ServiceClock;
import org.gridcc.sla.WorkingCalendar;
import org.gridcc.stats.ReportPeriod;
import org.gridcc.stats.StatsResource;

/** The register of risks to stability (信访不稳定因素信息库, Xinji/Yinan): entries, reviews, counts and reports. */
@Path("/api/risk-register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk register", description = "信访不稳定因素信息库: classes 一/二/三, 包案's four fixes, 日收集、周分析、月通报")
public class RiskResource {

    private final RiskRegister register;
    private final RiskReports reports;
    private final ServiceClock clock;
    private final SecurityIdentity identity;

    public RiskResource(RiskRegister register, RiskReports reports, ServiceClock clock, SecurityIdentity identity) {
        this.register = register;
        this.reports = reports;
        this.clock = clock;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a risk (日收集)",
            description = "subject, grid, riskClass (1 一类, 2 二类, 3 三类), fixes {leader, unit, person, deadline (not past)}, collectedOn.")
    public Uni<Response> add(@NotNull(message = "send the entry as a JSON body") @Valid NewRiskEntry entry) {
        return register.add(entry, Caller.of(identity))
                .map(view -> Locations.created("/api/risk-register/" + view.id()).entity(view).build());
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Entries of a grid's subtree, the gravest and latest first",
            description = "grid (the caller's when absent), class (1-3), status (open, controlled, resolved), limit (at most 500, 200).")
    public Uni<List<RiskRegister.EntryView>> list(@QueryParam("grid") String grid, @QueryParam("class") String riskClass,
                                                  @QueryParam("status") String status, @QueryParam("limit") String limit) {
        var errors = new ArrayList<FieldError>();
        Long asked = QueryValues.wholeNumber("class", riskClass, null, 1, 3, errors);
        long max = QueryValues.wholeNumber("limit", limit, 200L, 1, 500, errors);
        RiskStatus wanted = null;
        if (status != null) {
            try {
                wanted = RiskStatus.of(status.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "\"%s\" is not open, controlled or resolved".formatted(status)));
            }
        }
        String scope = grid(grid, errors);
        return register.list(scope, asked == null ? null : asked.intValue(), wanted, (int) max);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "An entry with its reviews")
    public Uni<RiskRegister.EntryView> one(@PathParam("id") long id) {
        return register.one(id, Caller.of(identity));
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review an entry: what was done or found, and its status after it (open, controlled, resolved)")
    public Uni<RiskRegister.EntryView> review(@PathParam("id") long id,
                                              @NotNull(message = "send the review as a JSON body") @Valid RiskReview review) {
        return register.review(id, review, Caller.of(identity));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
    @Operation(summary = "Open entries by class and the grids holding a class-一 entry: counts only (the wall's)",
            description = "grid (the caller's when absent).")
    public Uni<RiskRegister.Counts> counts(@QueryParam("grid") String grid) {
        return register.counts(grid(grid, new ArrayList<>()));
    }

    @GET
    @Path("/class-one-grids")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "The grids holding an open class-一 entry, with their open entries by class (the desk map's marks)",
            description = "grid (the caller's when absent). Grid codes name where risks lie: not for the wall.")
    public Uni<List<RiskRegister.GridCounts>> classOneGrids(@QueryParam("grid") String grid) {
        return register.classOneGrids(grid(grid, new ArrayList<>()));
    }

    @GET
    @Path("/reports/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "日收集 (daily), 周分析 (weekly) or 月通报 (monthly) of a grid and the period holding a date",
            description = "grid (the caller's when absent), date (today by default). Ask for text/csv for a table.")
    public Uni<RiskReports.Report> report(@PathParam("period") String period, @QueryParam("grid") String grid,
                                          @QueryParam("date") String date) {
        ReportPeriod kind = period(period);
        var errors = new ArrayList<FieldError>();
        LocalDate day = QueryValues.date("date", date, WorkingCalendar.dayOf(clock.now()), errors);
        return reports.report(kind, grid(grid, errors), day);
    }

    @GET
    @Path("/reports/{period}")
    @Produces(StatsResource.CSV + ";qs=0.5") // JSON unless CSV is asked for
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    public Uni<String> reportCsv(@PathParam("period") String period, @QueryParam("grid") String grid, @QueryParam("date") String date) {
        return report(period, grid, date).map(RiskReports::csv);
    }

    /** The grid asked for (the caller's when none), in the caller's scope; refuses the query on any bad value noted so far. */
    private String grid(String grid, List<FieldError> errors) {
        QueryValues.gridCode("grid", grid, errors);
        QueryValues.refuseIfAny(errors);
        return Caller.of(identity).subtreeAsked(grid);
    }

    private static ReportPeriod period(String name) {
        try {
            return ReportPeriod.valueOf(name.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no %s report; the register's reports are daily (日收集), weekly (周分析) and monthly (月通报)."
                    .formatted(name));
        }
    }
}
