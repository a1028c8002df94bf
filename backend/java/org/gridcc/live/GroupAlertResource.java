package org.gridcc.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.access.SessionAddress;
import org.gridcc.common.ProblemException;

/** Early warnings of group events (群体性事件苗头) as the desk sees them: the open ones, and their acknowledgement. */
@Path("/api/group-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group alerts", description = "Early warnings of group events, on the walls until acknowledged")
public class GroupAlertResource {

    private final GroupAlerts alerts;
    private final SecurityIdentity identity;
    private final HttpServerRequest http;

    public GroupAlertResource(GroupAlerts alerts, SecurityIdentity identity, HttpServerRequest http) {
        this.alerts = alerts;
        this.identity = identity;
        this.http = http;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(summary = "The warnings not yet acknowledged in the caller's area, oldest first, with the cases of each cluster")
    public Uni<List<GroupAlert>> open() {
        Caller caller = Caller.of(identity);
        return alerts.open().map(list -> list.stream().filter(a -> caller.seesGrid(a.village())).toList());
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(summary = "Acknowledges a warning, once: it leaves every wall; audited",
            description = "403 for a warning outside the caller's area; 409 when it was acknowledged already (says by whom and when).")
    public Uni<GroupAlerts.Acknowledged> acknowledge(@PathParam("id") String id) {
        long alert;
        try {
            alert = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No group-event warning has id %s: ids are whole numbers, as GET /api/group-alerts gives them."
                    .formatted(id));
        }
        return alerts.acknowledge(alert, Caller.of(identity), SessionAddress.of(http));
    }
}
