package org.gridcc.rounds;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridLevel;

/** Screening rounds (排查): the schedule per level, rounds recorded by their workers, completion and missed rounds. */
@Path("/api/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds", description = "排查: 区级每季一次、镇级每月一次、村级每周一次、网格每天一次 (Lanshan), as data")
public class RoundResource {

    public record ScheduleChange(@NotNull(message = "give how often: quarter, month, week or day") String every) {}

    private final Rounds rounds;
    private final RoundSchedule schedule;
    private final RoundCompletion completion;
    private final Findings findings;
    private final SecurityIdentity identity;

    public RoundResource(Rounds rounds, RoundSchedule schedule, RoundCompletion completion, Findings findings, SecurityIdentity identity) {
        this.rounds = rounds;
        this.schedule = schedule;
        this.completion = completion;
        this.findings = findings;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.WORKER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a round",
            description = "grid: the unit whose round it is (its level: county, township, village or base); at (now when absent, within "
                    + "gridcc.rounds.record-within, 7 days); visited grids in it; notes; findings {title, category, description, grid}.")
    public Uni<Response> record(@NotNull(message = "send the round as a JSON body") @Valid NewRound round) {
        return rounds.record(round, Caller.of(identity)).map(view -> Locations.created("/api/rounds/" + view.id()).entity(view).build());
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WORKER_NAME})
    @Operation(summary = "Rounds done in a grid's subtree (a worker: its own), newest first",
            description = "grid (the caller's when absent), from/to (days done, the last 30 days by default), limit (at most 500, 100).")
    public Uni<List<Rounds.RoundView>> list(@QueryParam("grid") String grid, @QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        var query = FieldQuery.read(caller, grid, from, to, limit, 100, 500, completion.today(), new ArrayList<>());
        return rounds.list(query.grid(), query.from(), query.to(), query.limit(), caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WORKER_NAME})
    @Operation(summary = "A round with its findings and their cases")
    public Uni<Rounds.RoundView> one(@PathParam("id") long id) {
        return rounds.one(id, Caller.of(identity));
    }

    @POST
    @Path("/{id}/findings/{position}/case")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.WORKER_NAME})
    @Operation(summary = "Take a finding of a round in as a case (channel grid_worker), linked to the round",
            description = "Through the case intake; 201 the first time, 200 with the same case after that.")
    public Uni<Response> takeIn(@PathParam("id") long id, @PathParam("position") int position) {
        return findings.takeIn(Findings.Owner.ROUND, id, position, Caller.of(identity)).map(Findings.TakenIn::response);
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "How often each level holds a round")
    public Uni<List<RoundSchedule.Entry>> schedule() {
        return schedule.entries();
    }

    @PUT
    @Path("/schedule/{level}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how often a level (county, township, village, base) holds a round: quarter, month, week or day")
    public Uni<RoundSchedule.Entry> setSchedule(@PathParam("level") String level,
                                                @NotNull(message = "send {\"every\": ...} as a JSON body") @Valid ScheduleChange change) {
        GridLevel at = level(level);
        RoundEvery every = RoundEvery.of(change.every()).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION_FAILED,
                "The schedule cannot be set; see errors.", List.of(new FieldError("every", "\"%s\" is not quarter, month, week or day"
                        .formatted(change.every())))));
        return schedule.set(at, every);
    }

    @DELETE
    @Path("/schedule/{level}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Stop a level's rounds: none are due there any more")
    public Uni<Response> removeSchedule(@PathParam("level") String level) {
        return schedule.remove(level(level)).map(removed -> {
            if (!removed) throw ProblemException.notFound("The %s level has no rounds scheduled.".formatted(level));
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/missed")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Missed rounds of a grid's subtree (for the desk), the latest first",
            description = "A round is missed when its period's last working day passed without a round of its unit in the period. "
                    + "grid (the caller's when absent), from/to (due days; the last 30 days to yesterday by default), limit (at most 1000, 200).")
    public Uni<RoundCompletion.MissedList> missed(@QueryParam("grid") String grid, @QueryParam("from") String from,
                                                 @QueryParam("to") String to, @QueryParam("limit") String limit) {
        var query = FieldQuery.read(Caller.of(identity), grid, from, to, limit, 200, 1000, completion.today(), new ArrayList<>());
        return completion.missed(query.grid(), query.from(), query.to(), query.limit());
    }

    @GET
    @Path("/completion")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Rounds due, done and missed per level, and per unit of one level, in a grid's subtree",
            description = "grid (the caller's when absent), from/to (due days, the last 30 days by default), "
                    + "level (the units listed: county, township, village or base; the level below the grid's by default).")
    public Uni<RoundCompletion.Completion> completion(@QueryParam("grid") String grid, @QueryParam("from") String from,
                                                     @QueryParam("to") String to, @QueryParam("level") String level) {
        var errors = new ArrayList<FieldError>();
        GridLevel units = level == null ? null : RoundLevel.of(level).orElse(null);
        if (level != null && units == null) errors.add(new FieldError("level", "\"%s\" is not county, township, village or base".formatted(level)));
        var query = FieldQuery.read(Caller.of(identity), grid, from, to, null, 1, 1, completion.today(), errors);
        return completion.completion(query.grid(), query.from(), query.to(), units != null ? units : unitsBelow(query.grid()));
    }

    /** The level whose units a completion lists by default: the one below the grid's (base grids list themselves). */
    private static GridLevel unitsBelow(String grid) {
        int depth = grid.isEmpty() ? 0 : (grid.length() - 6) / 3 + 1;
        GridLevel[] levels = {GridLevel.TOWNSHIP, GridLevel.TOWNSHIP, GridLevel.VILLAGE, GridLevel.BASE, GridLevel.BASE, GridLevel.BASE};
        return levels[Math.min(depth, levels.length - 1)];
    }

    private static GridLevel level(String level) {
        return RoundLevel.of(level).orElseThrow(() -> ProblemException.notFound(
                "There is no %s level of rounds; the levels are county, township, village and base.".formatted(level)));
    }
}
