package org.gridcc.boundary;

import io.quarkus.security.identity.SecurityIdentity;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.boundary.read.ReadOptions;
import org.gridcc.common.Csv;
import org.gridcc.common.Locations;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** GIS staff load grid boundaries: upload a draft, read its report, repair, publish, roll back. */
@Path("/api/boundaries")
@RolesAllowed({Role.ADMIN_NAME, Role.GIS_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries", description = "Loading, checking, publishing and rolling back grid boundaries")
public class BoundaryResource {

    private final DraftService drafts;
    private final BoundaryPublisher publisher;
    private final SecurityIdentity identity;

    public BoundaryResource(DraftService drafts, BoundaryPublisher publisher, SecurityIdentity identity) {
        this.drafts = drafts;
        this.publisher = publisher;
        this.identity = identity;
    }

    @POST
    @Path("/drafts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a boundary file as a draft: a zipped Shapefile, GeoJSON or GeoPackage",
            description = "The file replaces the grids of one level (in the subtree of scope, else the whole county). "
                    + "201 with the report when checking ends within a few seconds; else 202, and the job's progress is on the draft "
                    + "and on /live (frames of type draft). A refused file leaves nothing behind.")
    public Response upload(@RestForm("file") FileUpload file,
                           @Parameter(description = "township, village, group, base or special") @RestForm String level,
                           @Parameter(description = "a grid code: replace only the grids under it") @RestForm String scope,
                           @RestForm String label,
                           @Parameter(description = "the attribute with the grid code; detected when absent") @RestForm String codeField,
                           @RestForm String nameField, @RestForm String parentField, @RestForm String headField,
                           @Parameter(description = "DBF character set, e.g. GBK; else from .cpg or the DBF") @RestForm String encoding,
                           @Parameter(description = "e.g. EPSG:4544, when the file names none") @RestForm String crs,
                           @Parameter(description = "GeoPackage table, when it has several") @RestForm String layer) {
        if (file == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "Attach the boundary file as the form field \"file\".",
                    List.of(new FieldError("file", "missing")));
        }
        var upload = new DraftService.Upload(file.uploadedFile(), file.fileName(), file.size(), level, scope, label,
                new DraftJobs.FieldChoice(given(codeField), given(nameField), given(parentField), given(headField)),
                new ReadOptions(given(encoding), given(crs), given(layer)), Caller.of(identity).username());
        DraftService.Accepted accepted = drafts.upload(upload);
        return Locations.at(accepted.finished() ? Response.status(Response.Status.CREATED) : Response.accepted(),
                "/api/boundaries/drafts/" + accepted.draft().id()).entity(accepted.draft()).build();
    }

    /** 200 with the checked draft, or 202 while its job goes on. */
    private static Response checked(DraftService.Accepted accepted) {
        return (accepted.finished() ? Response.ok() : Locations.at(Response.accepted(), "/api/boundaries/drafts/" + accepted.draft().id()))
                .entity(accepted.draft()).build();
    }

    @GET
    @Path("/drafts")
    @Operation(summary = "The newest drafts, without their reports")
    public List<DraftView> drafts() {
        return drafts.list();
    }

    @GET
    @Path("/drafts/{id}")
    @Operation(summary = "A draft: its state, progress, the file's facts and its report")
    public DraftView draft(@PathParam("id") String id) {
        return drafts.find(number(id));
    }

    @GET
    @Path("/drafts/{id}/problems.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "A checked draft's problems as a CSV table: index, severity, check (the stable kind), feature, code, other, areaM2, lon, lat, message")
    public Response problemsCsv(@PathParam("id") String id) {
        int draft = number(id);
        return download(drafts.problemsCsv(draft), "draft-%d-problems.csv".formatted(draft));
    }

    @GET
    @Path("/drafts/{id}/problems.geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "A checked draft's problems as GeoJSON: each problem's own area (overlap, gap, part outside, sliver) where it has one, else its point")
    public Response problemsGeoJson(@PathParam("id") String id) {
        int draft = number(id);
        return download(drafts.problemsGeoJson(draft), "draft-%d-problems.geojson".formatted(draft));
    }

    private static Response download(Object body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @DELETE
    @Path("/drafts/{id}")
    @Operation(summary = "Discard a draft that is not published, in any state",
            description = "A job of the draft still running is stopped first; 409 when it runs on another node and does not end within 20 s.")
    public Response discard(@PathParam("id") String id) {
        drafts.delete(number(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/drafts/{id}/repairs")
    @Operation(summary = "Apply the repairs the report offers (make-valid with a small change of area), then check again",
            description = "200 with the report, or 202 when the check takes longer than a few seconds (the draft shows its progress).")
    public Response repair(@PathParam("id") String id) {
        return checked(drafts.recheck(number(id), true));
    }

    @POST
    @Path("/drafts/{id}/check")
    @Operation(summary = "Check the draft again, against the version published now",
            description = "200 with the report, or 202 when the check takes longer than a few seconds (the draft shows its progress).")
    public Response check(@PathParam("id") String id) {
        return checked(drafts.recheck(number(id), false));
    }

    @POST
    @Path("/drafts/{id}/publish")
    @Operation(summary = "Publish a draft without errors: households and open cases move to its grids, /live clients reload",
            description = "409 when another publish runs, when the draft has errors, or when another version was published since it was checked.")
    public BoundaryPublisher.Outcome publish(@PathParam("id") String id) {
        return publisher.publish(number(id), Caller.of(identity).actorName());
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Grid versions, newest first")
    public List<GridVersionView> versions() {
        return drafts.versions();
    }

    @POST
    @Path("/versions/{version}/rollback")
    @Operation(summary = "Publish a retired version again, moving households and open cases back")
    public BoundaryPublisher.Outcome rollback(@PathParam("version") String version) {
        return publisher.rollback(number(version), Caller.of(identity).actorName());
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("\"%s\" is not a draft or version number.".formatted(id));
        }
    }
}
