package org.gridcc.cases;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** 积案 and the campaigns to clear them (百日攻坚). */
@Path("/api/backlog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog", description = "积案: cases open beyond gridcc.backlog.days, and campaigns to clear them")
public class BacklogResource {

    /** A campaign: its name, first and last day. */
    public record NewCampaign(
            @NotBlank(message = "name the campaign, e.g. 信访积案化解百日攻坚") @Size(max = 100, message = "keep the name under 100 characters")
            String name,
            @NotNull(message = "give the first day, yyyy-MM-dd") LocalDate start,
            @NotNull(message = "give the last day, yyyy-MM-dd") LocalDate end) {}

    private final Backlog backlog;
    private final SecurityIdentity identity;

    public BacklogResource(Backlog backlog, SecurityIdentity identity) {
        this.backlog = backlog;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "积案 now and each campaign's progress by unit, among the cases the caller may see",
            description = "A case is 积案 when it is open and was received more than gridcc.backlog.days ago. A campaign counts the "
                    + "cases that were 积案 at its start (open then by their history), those closed since, and those remaining.")
    public Uni<Backlog.Overview> overview() {
        return backlog.overview(Caller.of(identity));
    }

    @POST
    @Path("/campaigns")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a campaign (name, start, end); 201 with its progress so far")
    public Uni<Response> create(@NotNull(message = "send name, start and end as a JSON body") @Valid NewCampaign campaign) {
        if (campaign.end().isBefore(campaign.start())) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The campaign ends before it starts.",
                    List.of(new FieldError("end", "%s is before the start %s".formatted(campaign.end(), campaign.start()))));
        }
        return backlog.create(campaign.name(), campaign.start(), campaign.end(), Caller.of(identity))
                .map(made -> Response.status(201).entity(made).build());
    }
}
