package org.gridcc.cases;

import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gridcc.access.Caller;
import org.gridcc.access.PersonalData;
import org.gridcc.access.SessionAddress;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.QueryValues;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cases (事项): intake and the case with its history. */
@Path("/api/cases")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Requests, disputes and petitions: one case, one code (一案一码)")
public class CaseResource {

    private final CaseIntake intake;
    private final CaseReader reader;
    private final CaseActions actions;
    private final CaseList list;
    private final ReporterPrivacy privacy;
    private final SecurityIdentity identity;
    private final HttpServerRequest http;

    public CaseResource(CaseIntake intake, CaseReader reader, CaseActions actions, CaseList list, ReporterPrivacy privacy,
                        SecurityIdentity identity, HttpServerRequest http) {
        this.intake = intake;
        this.reader = reader;
        this.actions = actions;
        this.list = list;
        this.privacy = privacy;
        this.identity = identity;
        this.http = http;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Cases, filtered and paged",
            description = "Only the cases the caller may see: an officer's grid subtree, a handler's unit. "
                    + "grid (a grid and everything below it), status (comma-separated), overdue, warned, supervised, channel, "
                    + "category, from/to (received), page (from 0), size (at most 500), sort (receivedAt, -receivedAt, due, code, -code).")
    public Uni<CaseSummary.Page> list(@Valid @BeanParam CaseFilter filter) {
        return list.find(filter, Caller.of(identity));
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a case in",
            description = "201 with Location, code, grid chain, responsible unit, status and deadlines; the case and its first "
                    + "event are committed first. The same Idempotency-Key with the same body gives the same case (200); "
                    + "with another body, 409.")
    public Uni<Response> submit(@NotNull(message = "send the case as a JSON body") @Valid NewCase request,
                                @HeaderParam("Idempotency-Key") @Size(max = 200, message = "keep the key under 200 characters")
                                String idempotencyKey) {
        Caller caller = Caller.of(identity);
        return intake.submit(request, idempotencyKey, caller)
                .chain(result -> privacy.shown(result.view(), caller, false, null).map(view -> new CaseIntake.Intake(view, result.created())))
                .map(result -> Response
                .status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/cases/" + result.view().code()))
                .tag(version(result.view()))
                .entity(result.view())
                .build());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "A case with its whole history",
            description = "The code may be typed with or without hyphens; a mistyped code is told by its check character. "
                    + "The reporter is masked; unmasked=true shows it to admin, officer and handler, and the read is audited. "
                    + "A confidential case (检举控告) withholds the reporter from all but the unit handling it. "
                    + "403 for a case outside the caller's grid or unit.")
    public Uni<Response> get(@PathParam("code") String code, @QueryParam("unmasked") String unmasked) {
        var errors = new ArrayList<FieldError>();
        boolean showReporter = Boolean.TRUE.equals(QueryValues.trueOrFalse("unmasked", unmasked, errors));
        QueryValues.refuseIfAny(errors);
        Caller caller = Caller.of(identity);
        return reader.byTypedCode(code)
                .invoke(view -> {
                    if (!caller.seesCase(view.grid(), view.unit() == null ? null : view.unit().code())) {
                        throw CaseActions.outsideScope(view.code(), caller);
                    }
                })
                .chain(view -> privacy.shown(view, caller, showReporter, SessionAddress.of(http)))
                .map(view -> Response.ok(view).tag(version(view)).build());
    }

    @POST
    @Path("/{code}/actions/{action}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an action of the closed loop",
            description = "accept, reject, dispatch, claim, return, escalate, contact, reply, finish, evaluate, archive, supervise, "
                    + "assign-leader, extend. 409 names the actions allowed in the case's state; If-Match with a stale version is 412.")
    public Uni<Response> act(@PathParam("code") String code, @PathParam("action") String action,
                             @NotNull(message = "send who takes the action and why as a JSON body") @Valid ActionRequest request,
                             @HeaderParam("If-Match") String ifMatch) {
        Caller caller = Caller.of(identity);
        return actions.take(code, action, request, ifMatch, caller)
                .chain(view -> privacy.shown(view, caller, false, null))
                .map(view -> Response.ok(view).tag(version(view)).build());
    }

    @GET
    @Path("/categories")
    @RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME})
    @Operation(summary = "The case categories with their default risk and county department")
    public List<Category> categories() {
        return Categories.all();
    }

    private static EntityTag version(CaseView view) {
        return new EntityTag(String.valueOf(view.version()));
    }
}
