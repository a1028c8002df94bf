package org.gridcc.live;

import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.QueryValues;

/** The live stream over plain HTTP: its events after a position. */
@Path("/api/events")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live", description = "The event stream behind WS /live, and hotspot scores")
public class EventResource {

    private final EventHistory history;
    private final SecurityIdentity identity;

    public EventResource(EventHistory history, SecurityIdentity identity) {
        this.history = history;
        this.identity = identity;
    }

    /** A page of the stream; {@code next} is the position to ask after for the following page. */
    public record EventPage(long head, long next, List<StreamEvent.Ticker> events) {}

    @GET
    @Operation(summary = "Stream events after a position, in stream order",
            description = "after: a position (0 for the start); limit: 1 to 1000 (default 500). Events carry no personal data; "
                    + "an officer or handler gets those of its grid's subtree. "
                    + "A /live client told it missed positions (a snapshot with missed [from, to]) can fill its ticker here.")
    public Uni<EventPage> events(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        var errors = new ArrayList<FieldError>();
        long from = QueryValues.wholeNumber("after", after, 0L, 0, Long.MAX_VALUE, errors);
        int size = QueryValues.wholeNumber("limit", limit, 500L, 1, EventHistory.MAX_PAGE, errors).intValue();
        QueryValues.refuseIfAny(errors);
        long head = history.head();
        Caller caller = Caller.of(identity);
        // An officer or handler reads the events of its grid's subtree; next still moves past the others.
        return history.between(from, head, size)
                .map(events -> new EventPage(head, events.isEmpty() ? from : events.get(events.size() - 1).seq(),
                        events.stream().filter(e -> caller.seesGrid(e.gridCode())).toList()));
    }
}
