package org.gridcc.live;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.event.Observes;
import org.gridcc.access.Caller;

/**
 * WS /live: the wall's feed. Query: since (resume after that stream position), level (one grid
 * level), grid (a subtree). Frames, each a binary message of UTF-8 JSON: snapshot, delta, replay,
 * heartbeat, boundaries, error; see docs/map.md.
 */
@WebSocket(path = "/live")
public class LiveSocket {

    /** The service stops (or restarts): walls are told so, and reconnect at once rather than after a lost line. */
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "the service is stopping; connect again");

    private final LiveHub hub;
    private final SecurityIdentity identity;
    private final OpenConnections connections;
    private volatile boolean stopping;

    public LiveSocket(LiveHub hub, SecurityIdentity identity, OpenConnections connections) {
        this.hub = hub;
        this.identity = identity;
        this.connections = connections;
    }

    /**
     * Signed-in callers only (the upgrade is refused with 401 otherwise); an officer or handler gets its grid's subtree.
     * On the socket's event loop, not a worker: nothing here blocks, and a thousand walls connecting at once would
     * otherwise each take a worker thread (and its memory).
     */
    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        if (stopping) {
            connection.close(GOING_AWAY).subscribe().with(ok -> {}, e -> {});
            return;
        }
        Caller caller = Caller.of(identity);
        if (!caller.role().watchesLive()) {
            connection.close(new CloseReason(4403, "the role %s has no live map".formatted(caller.role().code()))).subscribe().with(ok -> {}, e -> {});
            return;
        }
        hub.open(connection, caller.grid());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        hub.close(connection);
    }

    /** First thing when the service stops: an open socket would hold up the wait for requests in flight. */
    void goAway(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        for (WebSocketConnection connection : connections) connection.close(GOING_AWAY).subscribe().with(ok -> {}, e -> {});
    }
}
