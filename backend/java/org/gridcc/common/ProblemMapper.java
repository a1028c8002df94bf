package org.gridcc.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one place where errors become HTTP answers: every failure of every endpoint is
 * answered as {@code application/problem+json} with a detail a person can act on.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** APIs whose clients read errors in a format of their own (Open311), for requests there that reach no endpoint. */
    private final Instance<OwnErrorFormat> ownFormats;

    public ProblemMapper(Instance<OwnErrorFormat> ownFormats) {
        this.ownFormats = ownFormats;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = answer(Problem.of(e.type(), e.getMessage(), path(uri)).withErrors(e.errors()).withExtensions(e.extensions()));
        Object retryAfter = e.extensions().get(RETRY_AFTER);
        return retryAfter == null ? answer : Response.fromResponse(answer).header("Retry-After", retryAfter).build();
    }

    /** The extension member of a 429 that also becomes its Retry-After header. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String duplicated = StrictJson.duplicatedField(e);
        if (duplicated != null) {
            String field = StrictJson.pathAt(e);
            var error = new Problem.FieldError(field.isEmpty() ? duplicated : field,
                    "given more than once; give each field once.");
            return answer(Problem.of(ProblemType.INVALID_INPUT, "The request body gives a field twice; which one is meant is not clear.",
                    path(uri)).withErrors(List.of(error)));
        }
        var where = e.getLocation();
        String detail = "The request body is not valid JSON (line %d, column %d): %s. Fix the syntax and send it again."
                .formatted(where.getLineNr(), where.getColumnNr(), e.getOriginalMessage());
        return answer(Problem.of(ProblemType.MALFORMED_JSON, detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String known = e.getKnownPropertyIds() == null ? "" : " Known fields: " + e.getKnownPropertyIds() + ".";
        var error = new Problem.FieldError(JsonFieldPaths.of(e), "unknown field." + known);
        return answer(Problem.of(ProblemType.INVALID_INPUT, "The request body has a field this API does not know.", path(uri))
                .withErrors(List.of(error)));
    }

    @ServerExceptionMapper
    public Response unstorableString(StrictJson.UnstorableString e, UriInfo uri) {
        String field = JsonFieldPaths.of(e);
        return answer(Problem.of(ProblemType.INVALID_INPUT, "A field of the request body holds a character that cannot be stored.", path(uri))
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, e.reason()))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = JsonFieldPaths.of(e);
        String message = e instanceof InvalidFormatException invalid
                ? "%s is not %s.".formatted(JsonFieldPaths.quote(invalid.getValue()), JsonFieldPaths.expected(e.getTargetType()))
                : "expected %s.".formatted(JsonFieldPaths.expected(e.getTargetType()));
        String detail = field.isEmpty() ? "The request body has the wrong shape: " + message
                : "A field of the request body has the wrong type.";
        Problem problem = Problem.of(ProblemType.INVALID_INPUT, detail, path(uri));
        return answer(field.isEmpty() ? problem : problem.withErrors(List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, UriInfo uri) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        return answer(Problem.of(ProblemType.INVALID_INPUT, "A field of the request body has an invalid value.", path(uri))
                .withErrors(List.of(new Problem.FieldError(JsonFieldPaths.of(e), message))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (ViolationFields.onReturnValue(e)) {
            return serverError(e, uri);
        }
        return answer(Problem.of(ProblemType.VALIDATION_FAILED, "Some fields are missing or out of range; see errors.", path(uri))
                .withErrors(ViolationFields.of(e)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers,
                         ResteasyReactiveContainerRequestContext request) {
        // The JSON reader wraps a syntax error (inside a mapping error) in a plain 400.
        JsonParseException syntax = cause(e, JsonParseException.class);
        if (syntax != null) {
            return malformedJson(syntax, uri);
        }
        String where = request.getMethod() + " " + path(uri);
        OwnErrorFormat own = ownFormats.stream().filter(format -> format.covers(path(uri))).findFirst().orElse(null);
        if (e instanceof NotFoundException) {
            if (own != null) return own.notFound(request.getMethod(), path(uri));
            return answer(Problem.of(ProblemType.NOT_FOUND,
                    "Nothing is served at " + where + ". The API is described at /q/openapi.", path(uri)));
        }
        if (e instanceof NotAllowedException) {
            var allowed = AllowedMethods.at(path(uri));
            Response answer = own != null ? own.methodNotAllowed(request.getMethod(), path(uri), allowed)
                    : answer(Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                            "%s is not allowed on %s; allowed: %s.".formatted(request.getMethod(), path(uri), String.join(", ", allowed)),
                            path(uri)));
            return Response.fromResponse(answer).allow(allowed).build();
        }
        if (e instanceof NotAcceptableException) {
            return answer(Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "%s cannot answer in %s; ask for application/json.".formatted(where, headers.getRequestHeaders().getFirst(HttpHeaders.ACCEPT)),
                    path(uri)));
        }
        if (e instanceof NotSupportedException) {
            return answer(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "%s does not take a body of type %s; send application/json.".formatted(where, headers.getMediaType()),
                    path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, uri);
        }
        var reason = Response.Status.fromStatusCode(status);
        Problem problem = new Problem(ProblemType.HTTP_ERROR.uri(), reason == null ? "HTTP " + status : reason.getReasonPhrase(),
                status, e.getMessage(), path(uri), List.of(), null, java.util.Map.of());
        return answer(problem);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, ResteasyReactiveContainerRequestContext request) {
        Throwable outage = DatabaseOutage.causeIn(e);
        if (outage != null) {
            return problem(DatabaseOutage.refusal(outage, request.getMethod() + " " + path(uri)), uri);
        }
        if (UnstorableText.isCauseOf(e)) {
            LOG.infof("Refused text the database cannot store at %s: %s", path(uri), e.getMessage());
            return answer(Problem.of(ProblemType.INVALID_INPUT, "The request holds text that cannot be stored: "
                    + "a NUL character (U+0000) or bytes that are not UTF-8. Remove it and send the request again.", path(uri)));
        }
        return serverError(e, uri);
    }

    /** Logs the cause with an id; the body repeats the id but never the stack trace. */
    private Response serverError(Throwable e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Server error %s at %s", id, path(uri));
        return answer(Problem.of(ProblemType.SERVER_ERROR,
                "The server failed on this request. Quote error id " + id + " to the operators.", path(uri)).withErrorId(id));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
