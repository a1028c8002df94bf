package org.gridcc.cases.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.gridcc.common.OwnErrorFormat;

/**
 * Requests under /open311/v2 that reach no endpoint: Open311 clients parse only Open311's error
 * list, so they get it too (in the format the path's suffix asks for, XML by default).
 */
@ApplicationScoped
class Open311RoutingErrors implements OwnErrorFormat {

    private static final String ROOT = Open311Resource.class.getAnnotation(Path.class).value();

    private final Open311Writer writer;

    Open311RoutingErrors(Open311Writer writer) {
        this.writer = writer;
    }

    @Override
    public String root() {
        return ROOT;
    }

    @Override
    public Response notFound(String method, String path) {
        return writer.errors(Open311Format.ofPath(path), Open311Exception.notFound(("Nothing is served at %s %s. This GeoReport v2 endpoint "
                + "serves discovery, services, services/{service_code}, requests, requests/{service_request_id} and "
                + "servicerequestupdates, each as .xml or .json.").formatted(method, path)));
    }

    @Override
    public Response methodNotAllowed(String method, String path, Set<String> allowed) {
        return writer.errors(Open311Format.ofPath(path), new Open311Exception(405,
                List.of("%s is not allowed on %s; allowed: %s.".formatted(method, path, String.join(", ", allowed)))));
    }
}
