package org.gridcc.ui;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Addresses of the map-ui pages without a trailing slash. Vite builds each page into its own
 * folder ({@code wall/index.html}), which the static resources serve at {@code /wall/}; the
 * address people type and bookmark is {@code /wall}, which answers the same page in place (no
 * redirect; the page reads its query, e.g. {@code ?live=}).
 *
 * <p>Here the page is {@code no-cache} (the static resources let a browser keep it a day): a wall
 * reloaded after an upgrade must get the page that names the new scripts, not yesterday's.
 */
@ApplicationScoped
public class PageRoutes {

    static final String[] PAGES = {"wall", "desk", "gis", "login", "admin", "worker"};

    void routes(@Observes Router router) {
        for (String page : PAGES) {
            Buffer html = read("META-INF/resources/" + page + "/index.html");
            if (html == null) continue; // built without the map-ui (-DskipUi)
            router.get("/" + page).handler(context -> {
                // Vert.x matches "/wall" to "/wall/" too; that one stays with the static resources.
                if (!context.request().path().equals("/" + page)) {
                    context.next();
                    return;
                }
                context.response()
                        .putHeader("Content-Type", "text/html;charset=UTF-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(html);
            });
        }
    }

    private static Buffer read(String resource) {
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
