package org.gridcc.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * An answer given from a request's headers before its body is read: an upload whose declared
 * length is over its limit. The connection is closed rather than made to read what the client
 * still sends.
 */
public final class EarlyRefusal {

    private EarlyRefusal() {}

    /** The declared Content-Length, or -1 when there is none (a chunked body) or it is not a number. */
    public static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers with the problem, as problem+json. */
    public static void refuse(RoutingContext context, Problem problem, ObjectMapper json) {
        try {
            refuse(context, problem.status(), Problem.MEDIA_TYPE, json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with this status and body (for an API with errors of its own format, such as Open311). */
    public static void refuse(RoutingContext context, int status, String contentType, String body) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
