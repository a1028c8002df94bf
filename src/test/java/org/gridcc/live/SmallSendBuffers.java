package org.gridcc.live;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In tests the server's sockets get small send buffers, so that a client that stops reading
 * fills them after a few frames (with the kernel's default buffers it takes megabytes) and the
 * hub's handling of slow clients can be seen.
 */
@ApplicationScoped
public class SmallSendBuffers implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(8192);
    }
}
