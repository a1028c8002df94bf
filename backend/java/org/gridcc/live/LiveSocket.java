package org.gridcc.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.gridcc.access.Caller;
import org.gridcc.access.Role;

/**
 * WS /live: the wall's feed. Query: since (resume after that stream position), level (one grid
 * level), grid (a subtree). Frames: snapshot, delta, replay, heartbeat, boundaries, error; see
 * docs/map.md.
 */
@WebSocket(path = "/live")
public class LiveSocket {

    private final LiveHub hub;
    private final SecurityIdentity identity;

    public LiveSocket(LiveHub hub, SecurityIdentity identity) {
        this.hub = hub;
        this.identity = identity;
    }

    /** Signed-in callers only (the upgrade is refused with 401 otherwise); an officer or handler gets its grid's subtree. */
    @OnOpen
    void open(WebSocketConnection connection) {
        Caller caller = Caller.of(identity);
        if (caller.role() == Role.OPEN311) {
            connection.close(new CloseReason(4403, "an Open311 client has no live map")).subscribe().with(ok -> {}, e -> {});
            return;
        }
        hub.open(connection, caller.grid());
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.close(connection);
    }
}
