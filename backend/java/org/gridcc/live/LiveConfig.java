package org.gridcc.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;

/** How the live view behaves; see docs/map.md. The delivery policy's values are in application.properties only. */
@ConfigMapping(prefix = "gridcc.live")
public interface LiveConfig {

    /** Changes are gathered at most this long and sent as one delta (and looked for this often when no event came). */
    Duration coalesce();

    /**
     * The fan-out's budget of frames a second, over all clients: the next delta waits at least
     * clients / this after the last (see {@link DeltaPacing}).
     */
    int sendsPerSecond();

    /** A heartbeat frame this often, so clients and proxies know the line is alive. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Frames a client may have unsent before it is counted as behind and given a fresh snapshot instead. */
    @WithDefault("64")
    int maxUnsentFrames();

    /**
     * The kernel's send buffer of each connection (SocketSendBuffer; Linux doubles it for its own
     * bookkeeping): with the unsent frames, what a stalled client can hold before it is counted behind.
     */
    MemorySize sendBuffer();

    /** Events kept in memory for resuming clients; older ones are read from the database. */
    @WithDefault("20000")
    int recentEvents();

    /** The relay's wake-up when no notification came (events written by hand, a lost connection). */
    @WithDefault("1s")
    Duration relaySweep();

    /**
     * Cluster mode: the relay publishes to the Kafka topic {@link #topic()} and every node folds what
     * it reads there (the cluster profile sets it; docs/operations.md). Off, the stream stays in this node.
     */
    @WithDefault("false")
    boolean kafka();

    /** The Kafka topic of the stream, named after the database whose positions it carries; both channels read it. */
    String topic();

    Hotspot hotspot();

    GroupAlert groupAlert();

    /** Hotspots: a grid's cases of one category in the window against the expected number from the baseline. */
    interface Hotspot {
        @WithDefault("24h")
        Duration window();

        /** The trailing period before the window that gives the expected rate. */
        @WithDefault("28d")
        Duration baseline();

        /** Fewer cases than this in the window are never a hotspot, however quiet the grid was. */
        @WithDefault("3")
        int minCount();

        /** The expected count is at least this (per window): a grid with no history is not infinitely surprised. */
        @WithDefault("0.2")
        double minExpected();

        /** Upper-tail probabilities for hotspot levels 1, 2 and 3. */
        @WithDefault("0.01,0.001,0.0001")
        double[] levels();
    }

    /** Early warning of group events (群体性事件苗头): this many cases of one category from one village within the window (0: off). */
    interface GroupAlert {
        @WithDefault("5")
        int cases();

        @WithDefault("3h")
        Duration window();
    }
}
