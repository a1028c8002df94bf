package org.gridcc.people;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.PersonalData;
import org.gridcc.access.Role;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridRef;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/** Who is responsible for a grid and who is on duty there today (the desk's grid panel). */
@Path("/api/grids/{code}/people")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
@Tag(name = "People", description = "The grid's people: heads of every level, grid workers, patrol inspectors, mediators, leaders")
public class GridPeopleResource {

    static final int WORKERS_SHOWN = 500;

    private final People people;
    private final GridIndex grids;
    private final DeadlineService sla;
    private final ServiceClock clock;
    private final SecurityIdentity identity;

    public GridPeopleResource(People people, GridIndex grids, DeadlineService sla, ServiceClock clock, SecurityIdentity identity) {
        this.people = people;
        this.grids = grids;
        this.sla = sla;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A grid's heads (county down to it, with the county's titles), grid workers and who is on duty today",
            description = "Phones masked. On a working day (the official calendar) the workers whose duty weekdays include today; "
                    + "on a day off one worker of each grid in turn. 403 for a grid outside the caller's scope.")
    public Uni<GridPeople> of(@PathParam("code") String code) {
        Caller caller = Caller.of(identity);
        List<GridRef> chain = grids.chainOf(code).orElseThrow(() -> ProblemException.notFound(
                "No grid of the published version has code %s.".formatted(code)));
        if (!caller.seesGrid(code)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Grid %s lies outside grid %s that you serve; its people are not yours to see."
                    .formatted(code, caller.grid()));
        }
        LocalDate today = WorkingCalendar.dayOf(clock.now());
        boolean working = sla.calendar().isWorkingDay(today);
        return Uni.combine().all().unis(people.headsAlong(chain.stream().map(GridRef::code).toList()),
                        people.countIn(code, PersonKind.WORKER), people.workersIn(code, WORKERS_SHOWN)).asTuple()
                .map(t -> new GridPeople(code, chain.get(chain.size() - 1).name(), today, working, t.getItem1(), t.getItem2(),
                        t.getItem3(), DutyRoster.onDuty(t.getItem3(), today, working)));
    }
}
