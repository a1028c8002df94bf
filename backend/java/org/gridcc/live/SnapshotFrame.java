package org.gridcc.live;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A snapshot encoded once for every client of a filter. A client that fell behind is sent the same
 * bytes with the positions it missed in place of the last field's null: encoding the state again
 * for each of them held the state's lock for 172 ms when 35 walls caught up at once (68 KB each),
 * and no event was folded or sent to the others meanwhile.
 */
record SnapshotFrame(long seq, Buffer frame) {

    /** The end of a snapshot that names no positions missed: {@link LiveState.Snapshot#missed()} is its last component. */
    private static final String NOTHING_MISSED = ",\"missed\":null}";
    private static final int NULL_AND_END = "null}".length();

    SnapshotFrame {
        int end = frame.length();
        if (end < NOTHING_MISSED.length() || !frame.getString(end - NOTHING_MISSED.length(), end, "UTF-8").equals(NOTHING_MISSED)) {
            throw new IllegalArgumentException("a shared snapshot must end with " + NOTHING_MISSED);
        }
    }

    /** The frame for a client whose last position was from - 1: it missed from to this snapshot's position. */
    Buffer missing(long from) {
        int kept = frame.length() - NULL_AND_END;
        byte[] range = ("[" + from + "," + seq + "]}").getBytes(StandardCharsets.US_ASCII);
        return Buffer.buffer(kept + range.length).appendBuffer(frame, 0, kept).appendBytes(range);
    }
}
