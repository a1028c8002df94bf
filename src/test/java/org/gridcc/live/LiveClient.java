package org.gridcc.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of /live for the tests: keeps every frame it reads, and can stop reading. */
final class LiveClient implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<JsonObject> frames = new ArrayList<>();

    private LiveClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
    }

    private void read(String text) {
        synchronized (frames) {
            frames.add(new JsonObject(text));
            frames.notifyAll();
        }
    }

    static LiveClient connect(Vertx vertx, int port, String query) throws Exception {
        return connect(vertx, port, query, new WebSocketClientOptions());
    }

    static LiveClient connect(Vertx vertx, int port, String query, WebSocketClientOptions options) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(options.setMaxFrameSize(16 << 20).setMaxMessageSize(64 << 20));
        // The handler is in place before the connection opens: set afterwards, the first frame could be missed.
        ClientWebSocket socket = client.webSocket();
        LiveClient live = new LiveClient(client, socket);
        socket.textMessageHandler(live::read);
        socket.connect(port, "localhost", "/live" + (query.isEmpty() ? "" : "?" + query))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return live;
    }

    List<JsonObject> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The first frame, read so far or arriving within the patience, that matches. */
    JsonObject await(Predicate<JsonObject> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (frames) {
            while (true) {
                Optional<JsonObject> found = frames.stream().filter(wanted).findFirst();
                if (found.isPresent()) return found.get();
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no frame with " + what + " within " + PATIENCE + "; frames: " + brief());
                frames.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    JsonObject awaitType(String type) throws InterruptedException {
        return await(f -> type.equals(f.getString("type")), "type " + type);
    }

    /** Ticker events of the deltas and replays read so far, in the order read. */
    List<JsonObject> events() {
        var events = new ArrayList<JsonObject>();
        for (JsonObject frame : frames()) {
            if (frame.containsKey("events")) frame.getJsonArray("events").forEach(e -> events.add((JsonObject) e));
        }
        return events;
    }

    JsonObject awaitEvent(String caseCode, String type) throws InterruptedException {
        await(f -> f.containsKey("events") && f.getJsonArray("events").stream().map(JsonObject.class::cast)
                .anyMatch(e -> caseCode.equals(e.getString("caseCode")) && type.equals(e.getString("type"))), type + " of " + caseCode);
        return events().stream().filter(e -> caseCode.equals(e.getString("caseCode")) && type.equals(e.getString("type")))
                .findFirst().orElseThrow();
    }

    /** Waits until the latest state of a grid, from snapshots and deltas, matches. */
    JsonObject awaitGrid(String code, Predicate<JsonObject> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonObject latest = null;
            for (JsonObject frame : frames()) {
                JsonObject grids = frame.getJsonObject("grids");
                if (grids != null && grids.containsKey(code)) latest = grids.getJsonObject(code);
                else if ("snapshot".equals(frame.getString("type"))) latest = new JsonObject();
            }
            if (latest != null && wanted.test(latest)) return latest;
            if (System.nanoTime() > deadline) throw new AssertionError("grid " + code + " never had " + what + "; last " + latest);
            Thread.sleep(20);
        }
    }

    void pause() {
        socket.pause();
    }

    void resume() {
        socket.resume();
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) socket.close();
        client.close();
    }

    private String brief() {
        return frames.stream().map(f -> f.getString("type") + "@" + f.getValue("seq")).toList().toString();
    }
}
