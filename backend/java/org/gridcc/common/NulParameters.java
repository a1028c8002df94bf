package org.gridcc.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters reach SQL as text, and PostgreSQL cannot hold a NUL character in text:
 * {@code %00} in either is refused here, for every endpoint, with a 400 that names the parameter
 * (rather than a 500 at the query). JSON bodies are held to the same in {@link StrictJson}.
 */
public class NulParameters {

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request, HttpServerRequest http) {
        // A NUL reaches a parameter written %00 (or raw, if the HTTP codec let one through): most requests have none.
        String raw = http.uri();
        if (!raw.contains("%00") && raw.indexOf('\0') < 0) return;
        var uri = request.getUriInfo();
        var errors = new ArrayList<Problem.FieldError>();
        check(uri.getPathParameters(true), errors);
        check(uri.getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "A parameter of the request holds a character that cannot be stored (NUL, %00); see errors.", errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (StrictJson.hasNul(name) || parameter.getValue().stream().anyMatch(StrictJson::hasNul)) {
                errors.add(new Problem.FieldError(name.replace("\u0000", "%00"), StrictJson.NUL_NOT_ALLOWED));
            }
        }
    }
}
