package org.gridcc.cases;

import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.common.annotation.Blocking;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.gridcc.access.Caller;
import org.gridcc.access.PersonalData;
import org.gridcc.access.SessionAddress;
import org.gridcc.cases.media.Photos;
import org.gridcc.cases.media.StoredPhotos;
import org.gridcc.common.Locations;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
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
    private final CaseForm form;
    private final StoredPhotos photos;
    private final CasePhotoAdditions additions;
    private final SecurityIdentity identity;
    private final HttpServerRequest http;

    public CaseResource(CaseIntake intake, CaseReader reader, CaseActions actions, CaseList list, ReporterPrivacy privacy, CaseForm form,
                        StoredPhotos photos, CasePhotoAdditions additions, SecurityIdentity identity, HttpServerRequest http) {
        this.intake = intake;
        this.reader = reader;
        this.actions = actions;
        this.list = list;
        this.privacy = privacy;
        this.form = form;
        this.photos = photos;
        this.additions = additions;
        this.identity = identity;
        this.http = http;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "Cases, filtered and paged",
            description = "Only the cases the caller may see: an officer's grid subtree, a handler's unit. "
                    + "grid (a grid and everything below it), status (comma-separated), overdue, warned, supervised, channel, "
                    + "category, backlog (积案: open beyond gridcc.backlog.days), from/to (received), page (from 0), size (at most 500), sort (receivedAt, -receivedAt, due, code, -code).")
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
        return taken(request, Photos.NONE, idempotencyKey, Caller.of(identity));
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking // reads the photos from their upload files
    @Operation(summary = "Take a case in with photos",
            description = "multipart/form-data: the case as JSON in the part \"case\" (as POST /api/cases takes it in JSON), the photos "
                    + "as file parts \"media\": at most gridcc.media.max-photos (5), each at most gridcc.media.max-photo-size (5 MB), "
                    + "each a JPEG, PNG or WebP by its bytes (413, 415 otherwise, and nothing is stored). The photos are committed "
                    + "with the case; the answer is that of the JSON intake, its media listing them.")
    public Uni<Response> submitWithPhotos(MultipartFormDataInput parts,
                                          @HeaderParam("Idempotency-Key") @Size(max = 200, message = "keep the key under 200 characters")
                                          String idempotencyKey) throws JsonProcessingException {
        Caller caller = Caller.of(identity);
        CaseForm.Sent sent = form.read(parts, caller.actorName());
        return taken(sent.request(), sent.photos(), idempotencyKey, caller);
    }

    private Uni<Response> taken(NewCase request, Photos photos, String idempotencyKey, Caller caller) {
        return intake.submit(request, photos, idempotencyKey, caller)
                .chain(result -> privacy.shown(result.view(), caller, false, null).map(view -> new CaseIntake.Intake(view, result.created())))
                .map(result -> Locations.at(Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK),
                        "/api/cases/" + result.view().code())
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
        String address = SessionAddress.of(http);
        return reader.byTypedCode(code)
                .invoke(view -> {
                    if (!caller.seesCase(view.grid(), view.unit() == null ? null : view.unit().code())) {
                        throw CaseActions.outsideScope(view.code(), caller);
                    }
                })
                .chain(view -> privacy.shown(view, caller, showReporter, address))
                .map(view -> Response.ok(view).tag(version(view)).build());
    }

    @GET
    @Path("/{code}/media/{n}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "A photo of a case (n from 1), as its bytes are",
            description = "Under the case's access rules: 403 for a case outside the caller's grid or unit, and for a confidential "
                    + "case (检举控告) to all but the unit handling it. Cache-Control: private.")
    public Uni<Response> photo(@PathParam("code") String code, @PathParam("n") int n) {
        Caller caller = Caller.of(identity);
        return photos.photo(CaseCode.parse(code).text(), n).map(photo -> {
            if (!caller.seesCase(photo.grid(), photo.unitCode())) throw CaseActions.outsideScope(photo.code(), caller);
            if (ReporterPrivacy.withheldFrom(caller, photo.category(), photo.unitCode())) {
                throw new ProblemException(ProblemType.FORBIDDEN, ("Case %s is a confidential report (检举控告): its photos, like its "
                        + "reporter, are shown only to the unit handling it.").formatted(photo.code()));
            }
            return photo.answer();
        });
    }

    @POST
    @Path("/{code}/media")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking // reads the photos from their upload files
    @Operation(summary = "Add photos to an open case (the site, the work done)",
            description = "multipart/form-data with file parts \"media\", held to the limits of intake and to "
                    + "gridcc.media.max-per-case (20) in all; by whoever may act on the case. A MEDIA_ADDED event lists them; "
                    + "200 with the case. 409 for a closed case.")
    public Uni<Response> addPhotos(@PathParam("code") String code, MultipartFormDataInput parts) {
        Caller caller = Caller.of(identity);
        Photos photos = form.photos(parts, caller.actorName());
        return additions.add(code, photos, caller)
                .chain(view -> privacy.shown(view, caller, false, null))
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
    @RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME, Role.WORKER_NAME})
    @Operation(summary = "The case categories with their default risk and county department")
    public List<Category> categories() {
        return Categories.all();
    }

    @GET
    @Path("/words")
    @RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME, Role.WALL_NAME, Role.WORKER_NAME})
    @Operation(summary = "The pages' Chinese words for case states, actions, channels, risks and deadline kinds, by code")
    public CaseWords words() {
        return CaseWords.ALL;
    }

    private static EntityTag version(CaseView view) {
        return new EntityTag(String.valueOf(view.version()));
    }
}
