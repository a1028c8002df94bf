package org.gridcc.cases.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.gridcc.common.EarlyRefusal;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemType;

/**
 * Refuses a form of photos (multipart/form-data to POST /api/cases or /api/cases/{code}/media)
 * whose declared length is more than its photos may be in all, gridcc.media.max-photos of
 * gridcc.media.max-photo-size and 1 MB for the rest of the form, before its body is read; each
 * photo is checked when read. Without this only Quarkus' max-body-size, a bare 413, stops it.
 */
@ApplicationScoped
public class PhotoUploadLimit {

    /** The case as JSON (at most quarkus.http.limits.max-form-attribute-size) or Open311's fields, and the parts' framing. */
    private static final long FORM_ALLOWANCE = 1024 * 1024;
    /** Before Quarkus' own check of max-body-size. */
    public static final int ORDER = -1000;

    private final MediaConfig config;
    private final ObjectMapper json;

    public PhotoUploadLimit(MediaConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.postWithRegex("/api/cases(/[^/]+/media)?").order(ORDER).handler(context -> {
            String refusal = refusal(context.request());
            if (refusal == null) {
                context.next();
                return;
            }
            EarlyRefusal.refuse(context, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, refusal, context.request().path())
                    .withErrors(List.of(new Problem.FieldError(PhotoParts.FIELD, "at most %,d bytes in all".formatted(maxForm()))))
                    .withExtensions(Map.of("maxBytes", maxForm())), json);
        });
    }

    /** Why a multipart form is refused by its declared length, or null when it is not (or is no multipart form). */
    public String refusal(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) return null;
        long declared = EarlyRefusal.declaredLength(request);
        if (declared <= maxForm()) return null;
        return ("The form is %,d bytes; with its photos it may be at most %,d: %d photos (gridcc.media.max-photos) of at most %s "
                + "(gridcc.media.max-photo-size), and 1 MB for the rest. Send fewer or smaller photos.")
                .formatted(declared, maxForm(), config.maxPhotos(), PhotoParts.size(config.maxPhotoSize().asLongValue()));
    }

    private long maxForm() {
        return config.maxPhotos() * config.maxPhotoSize().asLongValue() + FORM_ALLOWANCE;
    }
}
