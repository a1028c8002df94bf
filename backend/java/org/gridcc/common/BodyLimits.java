package org.gridcc.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How large a request body may be, by kind of endpoint: sign-in takes a few KB, the other APIs
 * (JSON, Open311's forms) about 1 MB; uploads (multipart forms) have their own limit, checked by
 * their endpoint (boundary uploads: {@code gridcc.boundary.max-upload}; photos: {@code gridcc.media.*}). A body over its limit is
 * refused with a 413 problem naming the limit: from its Content-Length before any of it is read
 * (so an {@code Expect: 100-continue} client is never invited to send it), and, for a chunked body
 * without a length, as soon as the bytes read pass the limit. What Quarkus does by itself (a bare
 * 413 above {@code quarkus.http.limits.max-body-size}, a bare 400 from Jackson's own limits far
 * above 1 MB) is never reached by the API.
 */
@ApplicationScoped
public class BodyLimits {

    @ConfigMapping(prefix = "gridcc.limits")
    public interface Config {

        /** POST /api/session and the rest of sign-in: a name and a password. */
        @WithDefault("8K")
        MemorySize signInBody();

        /** Every other API body but uploads. */
        @WithDefault("1M")
        MemorySize apiBody();
    }

    private enum Kind {
        SIGN_IN("gridcc.limits.sign-in-body"), API("gridcc.limits.api-body");

        final String setting;

        Kind(String setting) {
            this.setting = setting;
        }
    }

    /** Before Quarkus' own check of max-body-size (order -2), which answers without a body. */
    private static final int ORDER = -1100;
    /** What a refused client may still send, read and dropped so that it reads the answer rather than a reset. */
    private static final long DROP_AT_MOST = 64L * 1024 * 1024;
    private static final String KIND = BodyLimits.class.getName() + ".kind";

    private final Config config;
    private final ObjectMapper json;

    public BodyLimits(Config config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::overWhileReading);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            context.next(); // an upload: its endpoint has its own limit
            return;
        }
        Kind kind = request.path().startsWith("/api/session") ? Kind.SIGN_IN : Kind.API;
        long limit = limit(kind);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared = declared(length);
            if (declared > limit) {
                refuse(context, kind, "The request body is %,d bytes; %s %s takes at most %,d (%s). Send a smaller body."
                        .formatted(declared, request.method(), request.path(), limit, kind.setting));
            } else {
                context.next();
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // No length to decide from: the body is read here, counted, and handed on whole.
            context.put(KIND, kind);
            BodyHandler.create(false).setBodyLimit(limit).handle(context);
        } else {
            context.next();
        }
    }

    /** The body handler above found a chunked body over its limit. */
    private void overWhileReading(RoutingContext context) {
        Kind kind = context.get(KIND);
        if (kind == null || context.statusCode() != 413 || context.response().headWritten()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        refuse(context, kind, "The request body is over %,d bytes, the most %s %s takes (%s). Send a smaller body."
                .formatted(limit(kind), request.method(), request.path(), kind.setting));
    }

    private long limit(Kind kind) {
        return (kind == Kind.SIGN_IN ? config.signInBody() : config.apiBody()).asLongValue();
    }

    private void refuse(RoutingContext context, Kind kind, String detail) {
        HttpServerRequest request = context.request();
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail, request.path())
                .withErrors(List.of(new Problem.FieldError("body", "at most %,d bytes".formatted(limit(kind)))))
                .withExtensions(Map.of("maxBytes", limit(kind)));
        var response = context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (!request.isEnded() && !"100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            var dropped = new AtomicLong();
            request.handler(chunk -> {
                if (dropped.addAndGet(chunk.length()) > DROP_AT_MOST) request.connection().close();
            });
            request.resume();
        }
        response.end(encode(problem));
    }

    private static long declared(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses it before this runs
        }
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
