package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shared snapshot given to a client that fell behind is what encoding the snapshot with its missed positions gives. */
class SnapshotFrameTests {

    private final ObjectMapper json = new ObjectMapper();

    private LiveState.Snapshot snapshot(List<Long> missed) {
        var kpi = new Kpi(12, 40, 3, 2, 1, Map.of("village", 2), null, null, null);
        var grids = Map.of("530324101", new GridState(3, 1, 0, 2), "530324102", new GridState(1, 0, 1, 0));
        return new LiveState.Snapshot(4711, 3, grids, kpi, List.of(), missed);
    }

    private Buffer encode(LiveState.Snapshot snapshot) throws Exception {
        return Buffer.buffer(json.writeValueAsBytes(snapshot));
    }

    @Test
    void theFrameForAClientThatFellBehindIsTheSnapshotNamingWhatItMissed() throws Exception {
        var shared = new SnapshotFrame(4711, encode(snapshot(null)));

        assertThat(shared.missing(4600).toString()).isEqualTo(encode(snapshot(List.of(4600L, 4711L))).toString());
        assertThat(shared.frame().toString()).as("the shared frame is left as it was").isEqualTo(encode(snapshot(null)).toString());
    }

    @Test
    void aFrameWhoseLastFieldIsNotAnEmptyMissedIsRefused() throws Exception {
        Buffer named = encode(snapshot(List.of(1L, 4711L)));
        assertThatThrownBy(() -> new SnapshotFrame(4711, named)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnapshotFrame(4711, Buffer.buffer("{}"))).isInstanceOf(IllegalArgumentException.class);
    }
}
