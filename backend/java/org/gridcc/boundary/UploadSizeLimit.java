package org.gridcc.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.gridcc.common.EarlyRefusal;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;

/**
 * Refuses an upload whose declared length is over the limit before its body is read, with the
 * same problem the resource gives (Vert.x's own limit, a backstop for bodies without a length,
 * answers a bare 413).
 */
@ApplicationScoped
public class UploadSizeLimit {

    private static final String DRAFTS = "/api/boundaries/drafts";
    /** The form's other fields and multipart framing around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final BoundaryConfig config;
    private final ObjectMapper json;

    public UploadSizeLimit(BoundaryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.post(DRAFTS).order(-1000).handler(context -> {
            long limit = config.maxUpload().asLongValue();
            long declared = EarlyRefusal.declaredLength(context.request());
            if (declared <= limit + FORM_OVERHEAD) {
                context.next();
                return;
            }
            ProblemException refusal = DraftService.tooLarge(declared, limit);
            EarlyRefusal.refuse(context, Problem.of(refusal.type(), refusal.getMessage(), DRAFTS).withErrors(refusal.errors()), json);
        });
    }
}
