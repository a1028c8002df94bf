package org.gridcc.cases.open311;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.gridcc.cases.media.PhotoUploadLimit;
import org.gridcc.common.EarlyRefusal;

/** A request with photos whose declared length is beyond what its photos may be: refused before it is read, in Open311's format. */
@ApplicationScoped
class Open311UploadLimit {

    private final PhotoUploadLimit limit;
    private final Open311Writer writer;

    Open311UploadLimit(PhotoUploadLimit limit, Open311Writer writer) {
        this.limit = limit;
        this.writer = writer;
    }

    void routes(@Observes Router router) {
        router.postWithRegex("/open311/v2/requests\\.[a-z]+").order(PhotoUploadLimit.ORDER).handler(context -> {
            String refusal = limit.refusal(context.request());
            if (refusal == null) {
                context.next();
                return;
            }
            Open311Format format = Open311Format.ofPath(context.request().path());
            EarlyRefusal.refuse(context, 400, format.mediaType(), writer.errorsText(format, Open311Exception.badRequest(refusal)));
        });
    }
}
