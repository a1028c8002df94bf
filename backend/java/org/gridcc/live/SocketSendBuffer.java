package org.gridcc.live;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fixes the kernel's send buffer of every HTTP connection (a /live socket is one) at
 * {@code gridcc.live.send-buffer}. Left to Linux, it grows to 4 MB for a socket whose reader has
 * stopped: a stalled wall would take minutes of deltas before its frames pile up unsent and it is
 * counted behind (LiveHub), and a thousand of them would hold gigabytes of kernel memory.
 */
@ApplicationScoped
public class SocketSendBuffer implements HttpServerOptionsCustomizer {

    private final LiveConfig config;

    public SocketSendBuffer(LiveConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize((int) config.sendBuffer().asLongValue());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }
}
