package org.gridcc.stats;

import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.rounds.RoundCompletion;

/** The daily feedback, weekly exposure and monthly report (一天一反馈、一周一曝光、一月一专报), as JSON or CSV. */
@Path("/api/reports/{period}")
@RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
@Tag(name = "Reports", description = "KPIs of a grid subtree by day, week and month")
public class StatsResource {

    public static final String CSV = "text/csv";

    private final CaseStats stats;
    private final RoundCompletion rounds;
    private final ServiceClock clock;
    private final SecurityIdentity identity;

    public StatsResource(CaseStats stats, RoundCompletion rounds, ServiceClock clock, SecurityIdentity identity) {
        this.stats = stats;
        this.rounds = rounds;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A report (daily, weekly or monthly) for a grid and the period holding a date",
            description = "KPIs of the cases received in the period, overdue cases by unit, cases by category, screening rounds due, done "
                    + "and missed per level (periods ended by yesterday). Ask for text/csv for a table.")
    public Uni<Report> json(@PathParam("period") String period,
                            @NotNull(message = "name the grid the report is for, e.g. grid=530324")
                            @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
                            @QueryParam("grid") String grid,
                            @QueryParam("date") String date) {
        Caller caller = Caller.of(identity);
        if (!caller.seesGrid(grid)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You see the reports of grid %s and what lies in it, not of grid %s."
                    .formatted(caller.grid(), grid));
        }
        ReportPeriod kind = period(period);
        LocalDate day = day(date);
        LocalDate first = kind.first(day), end = kind.afterLast(day);
        return Uni.combine().all().unis(stats.kpis(grid, ReportPeriod.start(first), ReportPeriod.start(end)),
                        rounds.countsByLevel(grid, first, end.minusDays(1))).asTuple()
                .map(t -> new Report(kind.name().toLowerCase(), kind.title(), grid, ReportPeriod.start(first),
                        ReportPeriod.start(end), t.getItem1(), t.getItem2()));
    }

    @GET
    @Produces(CSV + ";qs=0.5") // JSON unless CSV is asked for
    public Uni<String> csv(@PathParam("period") String period,
                           @NotNull(message = "name the grid the report is for, e.g. grid=530324")
                           @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
                           @QueryParam("grid") String grid,
                           @QueryParam("date") String date) {
        return json(period, grid, date).map(ReportCsv::of);
    }

    private LocalDate day(String date) {
        if (date == null) return clock.now().atZone(ServiceClock.CHINA).toLocalDate();
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The date is not readable.",
                    List.of(new FieldError("date", "\"%s\" is not a date (yyyy-MM-dd)".formatted(date))));
        }
    }

    private static ReportPeriod period(String name) {
        try {
            return ReportPeriod.valueOf(name.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no %s report; the reports are daily, weekly and monthly.".formatted(name));
        }
    }
}
