package org.gridcc.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.gridcc.access.TestUsers;

/**
 * A real WebSocket client of /live for the tests: keeps every frame it reads. Clients are the
 * JDK's (its listener is in place before the first frame can arrive; with Vert.x's client a frame
 * sent right after the handshake was now and then lost before the handler was set), except the
 * one that must stop reading: Vert.x's, whose pause stops reading the socket and whose receive
 * buffer can be made small.
 */
public final class LiveClient implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** How the frames come: what the tests do with the line itself. */
    private interface Line {
        void pause();

        void resume();

        boolean isClosed();

        void close();
    }

    private final List<JsonObject> frames = new ArrayList<>();
    /** Text messages that came, unread (none should: frames are binary). */
    private final java.util.concurrent.atomic.AtomicInteger textMessages = new java.util.concurrent.atomic.AtomicInteger();
    private Line line;

    /** A frame: a binary message of UTF-8 JSON (docs/map.md). */
    private void read(byte[] message) {
        synchronized (frames) {
            frames.add(new JsonObject(new String(message, StandardCharsets.UTF_8)));
            frames.notifyAll();
        }
    }

    /** A client signed in as the admin. */
    public static LiveClient connect(int port, String query) throws Exception {
        return connect(port, query, "Cookie", TestUsers.admin().cookieHeader());
    }

    /** A client with these credentials: a header (Cookie or Authorization) and its value. */
    public static LiveClient connect(int port, String query, String header, String value) throws Exception {
        LiveClient live = new LiveClient();
        var closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header(header, value)
                .buildAsync(URI.create("ws://localhost:" + port + "/live" + (query.isEmpty() ? "" : "?" + query)),
                        new java.net.http.WebSocket.Listener() {
                            private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

                            @Override
                            public CompletionStage<?> onBinary(java.net.http.WebSocket ws, ByteBuffer data, boolean last) {
                                byte[] part = new byte[data.remaining()];
                                data.get(part);
                                parts.writeBytes(part);
                                if (last) {
                                    live.read(parts.toByteArray());
                                    parts.reset();
                                }
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                                if (last) live.textMessages.incrementAndGet();
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(java.net.http.WebSocket ws, int status, String reason) {
                                closed.set(true);
                                return null;
                            }

                            @Override
                            public void onError(java.net.http.WebSocket ws, Throwable error) {
                                closed.set(true);
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        live.line = new Line() {
            public void pause() {
                throw new UnsupportedOperationException("use connectReader for a client that stops reading");
            }

            public void resume() {
                pause();
            }

            public boolean isClosed() {
                return closed.get();
            }

            public void close() {
                socket.abort();
            }
        };
        return live;
    }

    /** A client that can stop reading its socket, with the given receive buffer. */
    static LiveClient connectReader(Vertx vertx, int port, String query, int receiveBuffer) throws Exception {
        LiveClient live = new LiveClient();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(receiveBuffer)
                .setMaxFrameSize(16 << 20).setMaxMessageSize(64 << 20));
        ClientWebSocket socket = client.webSocket();
        socket.binaryMessageHandler(message -> live.read(message.getBytes()));
        socket.connect(new io.vertx.core.http.WebSocketConnectOptions().setPort(port).setHost("localhost")
                        .setURI("/live" + (query.isEmpty() ? "" : "?" + query))
                        .addHeader("Cookie", TestUsers.admin().cookieHeader()))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        live.line = new Line() {
            public void pause() {
                socket.pause();
            }

            public void resume() {
                socket.resume();
            }

            public boolean isClosed() {
                return socket.isClosed();
            }

            public void close() {
                if (!socket.isClosed()) socket.close();
                client.close();
            }
        };
        return live;
    }

    /** How many text messages came (the JDK's client only). */
    int textMessages() {
        return textMessages.get();
    }

    public List<JsonObject> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The bytes (as JSON) of the frames read after the first count of them. */
    long bytesAfter(int count) {
        List<JsonObject> read = frames();
        return read.subList(count, read.size()).stream().mapToLong(frame -> frame.encode().length()).sum();
    }

    /** The first frame, read so far or arriving within the patience, that matches. */
    public JsonObject await(Predicate<JsonObject> wanted, String what) throws InterruptedException {
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

    public JsonObject awaitType(String type) throws InterruptedException {
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

    public JsonObject awaitEvent(String caseCode, String type) throws InterruptedException {
        awaitFrameWith(caseCode, type);
        return events().stream().filter(e -> caseCode.equals(e.getString("caseCode")) && type.equals(e.getString("type")))
                .findFirst().orElseThrow();
    }

    /** The frame that carries an event of a case. */
    JsonObject awaitFrameWith(String caseCode, String type) throws InterruptedException {
        return await(f -> f.containsKey("events") && f.getJsonArray("events").stream().map(JsonObject.class::cast)
                .anyMatch(e -> caseCode.equals(e.getString("caseCode")) && type.equals(e.getString("type"))), type + " of " + caseCode);
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
        line.pause();
    }

    void resume() {
        line.resume();
    }

    public boolean isClosed() {
        return line.isClosed();
    }

    @Override
    public void close() {
        line.close();
    }

    private String brief() {
        return frames.stream().map(f -> f.getString("type") + "@" + f.getValue("seq")).toList().toString();
    }
}
