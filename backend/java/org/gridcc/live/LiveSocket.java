package org.gridcc.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * WS /live: the wall's feed. Query: since (resume after that stream position), level (one grid
 * level), grid (a subtree). Frames: snapshot, delta, replay, heartbeat, boundaries, error; see
 * README "Live map".
 */
@WebSocket(path = "/live")
public class LiveSocket {

    private final LiveHub hub;

    public LiveSocket(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.open(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.close(connection);
    }
}
