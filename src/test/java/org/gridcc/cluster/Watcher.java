package org.gridcc.cluster;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.live.LiveClient;

/**
 * A wall as the pages behave: one /live client that, when its line drops, connects again and
 * resumes after the last position it read ({@code since=}). Keeps every event position it read.
 */
final class Watcher implements AutoCloseable {

    private final Node through;
    private final String cookie;
    private final List<Long> seen = new ArrayList<>();
    private LiveClient line;
    private int read;
    long start = -1;
    int reconnections;

    Watcher(Node through, String cookie) throws Exception {
        this.through = through;
        this.cookie = cookie;
        line = LiveClient.connect(through.port, "", "Cookie", cookie);
        start = line.awaitType("snapshot").getLong("seq");
    }

    /** Reads what came; connects again with since= when the line has dropped. */
    void poll() throws Exception {
        List<JsonObject> frames = line.frames();
        for (; read < frames.size(); read++) {
            JsonObject frame = frames.get(read);
            if (frame.containsKey("events")) frame.getJsonArray("events").forEach(e -> seen.add(((JsonObject) e).getLong("seq")));
        }
        if (line.isClosed()) {
            LiveClient next;
            try {
                next = LiveClient.connect(through.port, "since=" + last(), "Cookie", cookie);
            } catch (Exception refused) {
                return; // the next poll tries again, as a page does
            }
            line.close();
            line = next;
            read = 0;
            reconnections++;
        }
    }

    long last() {
        return seen.isEmpty() ? start : seen.get(seen.size() - 1);
    }

    List<Long> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        line.close();
    }
}
