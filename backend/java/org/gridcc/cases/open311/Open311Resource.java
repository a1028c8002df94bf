package org.gridcc.cases.open311;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.cases.CaseCode;
import org.gridcc.cases.media.PhotoParts;
import org.gridcc.cases.media.StoredPhotos;
import org.gridcc.common.DatabaseOutage;
import org.gridcc.common.Locations;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ServiceClock;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * Open311 GeoReport v2 over the case intake: services are the case categories, a service request is
 * a case. Every resource answers in XML or JSON by its suffix, and its errors in Open311's own list
 * of {code, description}: the exception mappers below are methods of this class, so they apply to
 * it alone and the rest of the API keeps problem+json.
 */
@Path("/open311/v2")
@PermitAll
@Tag(name = "Open311", description = "Open311 GeoReport v2: services, and requests as cases of channel open311 (.xml or .json)")
public class Open311Resource {

    private static final Logger LOG = Logger.getLogger(Open311Resource.class);

    /**
     * The discovery changeset: the services come from the categories file, which changes only with a
     * restart, so the start of this service is when the published services last may have changed.
     */
    private static final String CHANGESET = W3Time.format(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));

    private final Open311Writer writer;
    private final Open311Intake intake;
    private final Open311Requests requests;
    private final Open311Updates updates;
    private final Open311Keys keys;
    private final Open311Media media;
    private final Open311Config config;
    private final ServiceClock clock;

    public Open311Resource(Open311Writer writer, Open311Intake intake, Open311Requests requests, Open311Updates updates, Open311Keys keys,
                           Open311Media media, Open311Config config, ServiceClock clock) {
        this.writer = writer;
        this.intake = intake;
        this.requests = requests;
        this.updates = updates;
        this.keys = keys;
        this.media = media;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/discovery.{format}")
    @Operation(summary = "Open311 service discovery: the GeoReport v2 endpoint, its formats, how to get an API key")
    public Response discovery(@PathParam("format") String format) {
        return writer.document(Open311Format.of(format), "discovery", Discovery.of(CHANGESET, config));
    }

    @GET
    @Path("/services.{format}")
    @Operation(summary = "The services: the case categories")
    public Response services(@PathParam("format") String format) {
        return writer.list(Open311Format.of(format), 200, "services", "service", Open311Services.list());
    }

    @GET
    @Path("/services/{service_code}.{format}")
    @Operation(summary = "A service definition: its attributes (risk, which decides the level that handles the case)")
    public Response service(@PathParam("service_code") String code, @PathParam("format") String format) {
        Open311Format answer = Open311Format.of(format);
        var definition = Open311Services.definition(code).orElseThrow(() -> Open311Exception.notFound(
                "service_code %s was not found; services.xml lists the services.".formatted(code)));
        return writer.document(answer, "service_definition", definition);
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Post a request (api_key required): it becomes a case of channel open311",
            description = "Location by lat and long, or address_id (a grid code); attribute[risk] = low, medium or high routes it.")
    public Uni<Response> post(@PathParam("format") String format, MultivaluedMap<String, String> form) {
        Open311Format answer = Open311Format.of(format);
        return created(answer, intake.submit(form, List.of()));
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking // the form's parts are read from their upload files
    @Operation(summary = "Post a request with photos: the same fields as a multipart form, the photos as file parts media",
            description = "At most gridcc.media.max-photos (5) photos of at most gridcc.media.max-photo-size (5 MB), each a JPEG, PNG "
                    + "or WebP by its bytes; a refused photo refuses the request. The photos are kept with the case.")
    public Uni<Response> postWithMedia(@PathParam("format") String format, MultipartFormDataInput parts) {
        Open311Format answer = Open311Format.of(format);
        var form = new MultivaluedHashMap<String, String>();
        var photos = new ArrayList<FormValue>();
        parts.getValues().forEach((name, values) -> {
            if (name.equals(PhotoParts.FIELD)) photos.addAll(values);
            else values.forEach(value -> form.add(name, PhotoParts.text(value)));
        });
        return created(answer, intake.submit(form, photos));
    }

    private Uni<Response> created(Open311Format format, Uni<CreatedRequest> submitted) {
        return submitted.map(created -> Locations.at(Response.fromResponse(writer.list(format, 201, "service_requests", "request", List.of(created))),
                "/open311/v2/requests/%s.%s".formatted(created.serviceRequestId(), format.suffix())).build());
    }

    /** A body of any other type: refused here, in Open311's format, rather than by the router as problem+json. */
    @POST
    @Path("/requests.{format}")
    @Operation(hidden = true)
    public Response postNotAForm(@PathParam("format") String format) {
        Open311Format.of(format); // an unknown format is a 404 before anything else
        throw Open311Exception.badRequest("send the request form-encoded (Content-Type: application/x-www-form-urlencoded; charset=utf-8), "
                + "or as multipart/form-data with photos as file parts media");
    }

    @GET
    @Path("/requests.{format}")
    @Operation(summary = "Requests of the last 90 days or of a span, by service and status (open, closed); at most 1,000",
            description = "service_request_id (comma delimited) overrides the other filters. Petitions and confidential cases are "
                    + "never listed; the description, and media_url at its first photo, only with the api_key of the client that "
                    + "posted the request.")
    public Uni<Response> requests(@PathParam("format") String format, @QueryParam("service_request_id") List<String> ids,
                                  @QueryParam("service_code") List<String> serviceCodes, @QueryParam("status") List<String> statuses,
                                  @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
                                  @QueryParam("api_key") String apiKey) {
        Open311Format answer = Open311Format.of(format);
        List<String> codes = RequestQuery.commaList(ids).stream().map(Open311Resource::caseCodeOfList).toList();
        RequestQuery query = codes.isEmpty() ? RequestQuery.parse(serviceCodes, statuses, startDate, endDate, clock.now()) : null;
        return keys.reader(blankless(apiKey))
                .chain(client -> (query == null ? requests.byIds(codes, client) : requests.find(query, client))
                        .chain(list -> media.forClient(list, client)))
                .map(list -> writer.list(answer, 200, "service_requests", "request", list));
    }

    @GET
    @Path("/requests/{service_request_id}.{format}")
    @Operation(summary = "One request, as a list of one; the id is the case code",
            description = "The description, and media_url at its first photo, only with the api_key of the client that posted it; "
                    + "a petition or confidential case is not found.")
    public Uni<Response> request(@PathParam("service_request_id") String id, @PathParam("format") String format,
                                 @QueryParam("api_key") String apiKey) {
        Open311Format answer = Open311Format.of(format);
        String code;
        try {
            code = CaseCode.parse(id).text();
        } catch (ProblemException e) {
            // A code that cannot be one names no request: 404, saying what is wrong with it.
            throw Open311Exception.notFound(e.getMessage());
        }
        return keys.reader(blankless(apiKey)).chain(client -> requests.byIds(List.of(code), client).chain(list -> {
            if (list.isEmpty()) throw Open311Exception.notFound("No request has service_request_id %s.".formatted(code));
            return media.forClient(list, client);
        })).map(list -> writer.list(answer, 200, "service_requests", "request", list));
    }

    @GET
    @Path("/requests/{service_request_id}/media/{n}")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "A photo of a request (n from 1), for the client that posted it: its api_key is required")
    public Uni<Response> photo(@PathParam("service_request_id") String id, @PathParam("n") int n, @QueryParam("api_key") String apiKey) {
        String code;
        try {
            code = CaseCode.parse(id).text();
        } catch (ProblemException e) {
            throw Open311Exception.notFound(e.getMessage());
        }
        return media.photo(code, n, blankless(apiKey)).map(StoredPhotos.Stored::answer);
    }

    @GET
    @Path("/servicerequestupdates.{format}")
    @Operation(summary = "Updates of the listed requests: each change of state, the oldest first; pages of at most 1,000",
            description = "start_date and end_date (w3 datetimes, at most 90 days apart; by default the last 90 days), page (from 1) "
                    + "and page_size (at most 1,000). An update is the state reached and its status note, the same for everyone; "
                    + "api_key is optional and checked when given.")
    public Uni<Response> updates(@PathParam("format") String format, @QueryParam("start_date") String startDate,
                                 @QueryParam("end_date") String endDate, @QueryParam("page") String page,
                                 @QueryParam("page_size") String pageSize, @QueryParam("api_key") String apiKey) {
        Open311Format answer = Open311Format.of(format);
        UpdateQuery query = UpdateQuery.parse(startDate, endDate, page, pageSize, clock.now());
        return keys.reader(blankless(apiKey)).chain(() -> updates.find(query))
                .map(list -> writer.list(answer, 200, "service_requests_updates", "request_update", list));
    }

    /** An empty api_key is no key, as the spec says of optional arguments (and as POST reads its form). */
    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String caseCodeOfList(String id) {
        try {
            return CaseCode.parse(id).text();
        } catch (ProblemException e) {
            throw Open311Exception.badField("service_request_id", e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response open311Error(Open311Exception e, UriInfo uri) {
        return writer.errors(Open311Format.ofPath(uri.getPath()), e);
    }

    @ServerExceptionMapper
    public Response caseProblem(ProblemException e, UriInfo uri) {
        return open311Error(Open311Exception.from(e), uri);
    }

    /** The form reader fails on a malformed %-escape with URLDecoder's IllegalArgumentException: the client's fault, not ours. */
    @ServerExceptionMapper
    public Response malformedForm(IllegalArgumentException e, UriInfo uri) {
        if (e.getMessage() == null || !e.getMessage().startsWith("URLDecoder")) return unexpected(e, uri);
        return open311Error(Open311Exception.badRequest("The form cannot be decoded: " + e.getMessage()), uri);
    }

    /** A 503 with Retry-After while the database is out of reach; else logs the cause with an id, which the answer repeats. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable outage = DatabaseOutage.causeIn(e);
        if (outage != null) {
            ProblemException refusal = DatabaseOutage.refusal(outage, uri.getPath());
            return open311Error(Open311Exception.unavailable(refusal.getMessage(), DatabaseOutage.RETRY_AFTER_SECONDS), uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Server error %s at %s", id, uri.getPath());
        return open311Error(new Open311Exception(500, List.of(
                "The server failed on this request. Quote error id " + id + " to the operators.")), uri);
    }
}
