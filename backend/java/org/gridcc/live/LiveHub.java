package org.gridcc.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.boundary.DraftProgress;
import org.gridcc.grid.GridVersionChanged;
import org.jboss.logging.Logger;

/**
 * The clients of /live: each gets a snapshot, then deltas of only the grids that changed,
 * plus the events as a ticker: at once when the line is quiet, gathered under load ({@link DeltaPacing}).
 *
 * <p>No client can hold up another: frames go out without waiting, and a client with too many
 * frames not yet written to its socket is marked behind and sent nothing more until its socket
 * has drained; then it gets a fresh snapshot naming the positions it missed. A resuming client
 * ({@code since=N}) gets the snapshot, then every event after N, then the deltas held meanwhile.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    private final LiveState state;
    private final EventRelay relay;
    private final EventHistory history;
    private final GridIndex index;
    private final ServiceClock clock;
    private final LiveConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** Snapshots already encoded, by filter, while the state has not changed: a thousand walls connecting share one. */
    private final Map<Subscription, SnapshotFrame> snapshots = new HashMap<>();
    private long snapshotsOf = -1;
    /** The key figures each filter's clients were last told, by delta or snapshot: deltas carry only those that changed. */
    private final Map<Subscription, Map<String, Object>> told = new HashMap<>();
    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {};
    private final DeltaPacing pacing;
    /** Frames sent within the work in hand, written once it is done; used with the state's lock held. */
    private final LoopWrites writes = new LoopWrites();
    /** Whether the work in hand sent a delta: the loops' writing of it paces the next one. */
    private boolean deltaSent;
    private static final Runnable UNPACED = () -> {};

    /** A delta with nothing in it for a filter: not sent. */
    private static final Buffer NOTHING = Buffer.buffer();

    public LiveHub(LiveState state, EventRelay relay, EventHistory history, GridIndex index, ServiceClock clock, LiveConfig config,
                   ObjectMapper json, Vertx vertx) {
        this.state = state;
        this.relay = relay;
        this.history = history;
        this.index = index;
        this.clock = clock;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.pacing = new DeltaPacing(vertx, config.coalesce(), config.sendsPerSecond(), clients::size, this::flush);
    }

    private static final class Client {
        final WebSocketConnection connection;
        /** The event loop owning its socket, where its frames are written. */
        final Context loop;
        final Subscription subscription;
        final AtomicInteger unsent = new AtomicInteger();
        /** Changed only within state.atomically: frames held while its replay is read, whether it fell behind, its last position. */
        List<Buffer> held;
        boolean behind;
        long seq;

        Client(WebSocketConnection connection, Context loop, Subscription subscription) {
            this.connection = connection;
            this.loop = loop;
            this.subscription = subscription;
        }
    }

    /** After the grid index (the state needs the grids' levels) and after the messaging channels are connected. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        state.rebuild().await().indefinitely();
        state.onEvent(pacing::eventFolded);
        relay.start();
        // Changes that come without an event (hotspots cooling, alerts, rates) and clients that caught up.
        vertx.setPeriodic(config.coalesce().toMillis(), id -> flush());
        vertx.setPeriodic(config.heartbeat().toMillis(), id -> heartbeat());
        vertx.setPeriodic(60_000, id -> state.tick(watched()));
        state.tick(watched());
    }

    /** A new client: its snapshot, then its deltas; its subscription held to the caller's grid scope (null: all). */
    void open(WebSocketConnection connection, String scope) {
        Subscription subscription;
        try {
            subscription = Subscription.parse(connection.handshakeRequest().query(), index).within(scope);
        } catch (IllegalArgumentException e) {
            int status = e instanceof Subscription.OutsideScope ? 403 : 400;
            connection.sendBinary(encode(Map.of("type", "error", "status", status, "detail", e.getMessage())))
                    .chain(() -> connection.close()).subscribe().with(ok -> {}, failure -> {});
            return;
        }
        if (subscription.since() != null && subscription.since() > state.seq()) {
            // It comes from a node further on than this one (cluster mode): the deltas here would repeat what it has. A page
            // reconnects at once, by when this node has read on.
            connection.close(new CloseReason(1013, "this node has not reached position %d yet: connect again".formatted(subscription.since())))
                    .subscribe().with(ok -> {}, failure -> {});
            return;
        }
        // Opened on its socket's event loop: its frames are written there. Each connection runs on a context of its own
        // (a duplicate of the loop's); the loop's root context is shared, so a delta is one task per loop, not per client.
        var opened = io.vertx.core.Vertx.currentContext();
        Client client = new Client(connection, opened != null ? VertxContext.getRootContext(opened) : vertx.getDelegate().getOrCreateContext(),
                subscription);
        String subtree = subscription.subtree();
        if (subtree != null) state.watch(subtree);
        atomically(() -> {
            // Deltas so far go to the clients there were; the new one starts from the state they leave.
            deliver(state.drain());
            SnapshotFrame snapshot = snapshot(subscription.filter());
            client.seq = snapshot.seq();
            if (subscription.since() != null && subscription.since() < snapshot.seq()) client.held = new ArrayList<>();
            send(client, snapshot.frame());
            clients.put(connection.id(), client);
        });
        if (client.held != null) replay(client, subscription.since(), client.seq);
    }

    void close(WebSocketConnection connection) {
        clients.remove(connection.id());
    }

    /** The subtrees clients watch, whose key figures are rated apart from the county's. */
    private Set<String> watched() {
        var subtrees = new HashSet<String>();
        for (Client client : clients.values()) {
            if (client.subscription.subtree() != null) subtrees.add(client.subscription.subtree());
        }
        return subtrees;
    }

    /** Sends the events (after, upTo] a page at a time, then what was held meanwhile. */
    private void replay(Client client, long after, long upTo) {
        history.between(after, upTo, EventHistory.MAX_PAGE).subscribe().with(events -> {
            if (!events.isEmpty()) {
                var mine = events.stream().filter(client.subscription::acceptsEvent).toList();
                Buffer frame = encode(Map.of("type", "replay", "seq", events.get(events.size() - 1).seq(), "events", mine));
                atomically(() -> send(client, frame));
            }
            long reached = events.isEmpty() ? upTo : events.get(events.size() - 1).seq();
            if (reached < upTo && !events.isEmpty()) {
                replay(client, reached, upTo);
                return;
            }
            atomically(() -> {
                List<Buffer> held = client.held;
                client.held = null;
                if (!client.behind) held.forEach(frame -> send(client, frame));
            });
        }, failure -> {
            LOG.warnf("Replay for a /live client failed (%s); closing it so that it reconnects", failure.getMessage());
            client.connection.close().subscribe().with(ok -> {}, e -> {});
        });
    }

    /** One delta per kind of subscription, to every client that is keeping up; and snapshots for those that caught up. */
    void flush() {
        atomically(() -> {
            deliver(state.drain());
            for (Client client : clients.values()) {
                if (client.behind && client.unsent.get() == 0 && client.held == null) {
                    client.behind = false;
                    // Taken at the drain point above, so nothing is lost in between; shared by every client of its filter.
                    SnapshotFrame snapshot = snapshot(client.subscription.filter());
                    send(client, snapshot.missing(client.seq + 1));
                    client.seq = snapshot.seq();
                }
            }
        });
    }

    private void deliver(LiveState.Drain drain) {
        Map<Subscription, Buffer> frames = new HashMap<>();
        boolean paced = false;
        for (Client client : clients.values()) {
            Buffer frame = frames.computeIfAbsent(client.subscription.filter(), filter -> delta(drain, filter));
            if (frame == NOTHING) continue;
            if (!paced) {
                pacing.deltaGoes();
                paced = true;
                deltaSent = true;
            }
            if (client.held != null) {
                // Held while its replay is read; too many and it is given a snapshot after the replay instead.
                if (client.held.size() < config.maxUnsentFrames()) client.held.add(frame);
                else client.behind = true;
            } else if (!client.behind) {
                if (client.unsent.get() >= config.maxUnsentFrames()) {
                    client.behind = true;
                    continue;
                }
                send(client, frame);
                client.seq = drain.seq();
            }
        }
        // Filters nobody holds any more; a client that comes with one again is told every figure first.
        told.keySet().retainAll(frames.keySet());
    }

    private Buffer delta(LiveState.Drain drain, Subscription filter) {
        var grids = new HashMap<String, GridState>();
        drain.grids().forEach((code, grid) -> {
            if (filter.acceptsGrid(code, index)) grids.put(code, grid);
        });
        var events = drain.events().stream().filter(filter::acceptsEvent).toList();
        var raised = drain.alertsRaised().stream().filter(filter::acceptsAlert).toList();
        // Only the ids of its own area's: an officer is not told that alerts elsewhere came and went.
        var gone = drain.alertsGone().stream().filter(filter::acceptsAlert).map(GroupAlert::id).toList();
        var kpi = kpiChanges(filter, state.kpi(filter.subtree()));
        if (grids.isEmpty() && events.isEmpty() && raised.isEmpty() && gone.isEmpty() && kpi.isEmpty()) return NOTHING;
        var frame = new LinkedHashMap<String, Object>();
        frame.put("type", "delta");
        frame.put("seq", drain.seq());
        frame.put("grids", grids);
        frame.put("events", events);
        if (!kpi.isEmpty()) frame.put("kpi", kpi);
        if (!raised.isEmpty()) frame.put("alertsRaised", raised);
        if (!gone.isEmpty()) frame.put("alertsGone", gone);
        return encode(frame);
    }

    /**
     * The key figures that differ from those the filter's clients were last told (all of them when
     * told none), which they are told now: the rates change once a minute, the counts with cases.
     * Call with the state's lock held, at every delta and snapshot of the filter.
     */
    private Map<String, Object> kpiChanges(Subscription filter, Kpi kpi) {
        Map<String, Object> figures = json.convertValue(kpi, FIGURES);
        Map<String, Object> before = told.put(filter, figures);
        var changed = new LinkedHashMap<>(figures);
        if (before != null) changed.entrySet().removeIf(figure -> Objects.equals(figure.getValue(), before.get(figure.getKey())));
        return changed;
    }

    private void heartbeat() {
        broadcast(encode(Map.of("type", "heartbeat", "seq", state.seq(), "at", ServiceClock.local(clock.now()))));
    }

    /** A frame for every client that is neither being resumed nor behind. */
    private void broadcast(Buffer frame) {
        atomically(() -> {
            for (Client client : clients.values()) {
                if (client.held == null && !client.behind) send(client, frame);
            }
        });
    }

    /** New boundaries: the grids of cases have moved, so every client reloads its tiles and gets a new snapshot. */
    void onBoundaries(@ObservesAsync GridVersionChanged changed) {
        state.rebuild().subscribe().with(ok -> {
            atomically(() -> {
                deliver(state.drain());
                Buffer notice = encode(Map.of("type", "boundaries", "gridVersion", changed.version()));
                for (Client client : clients.values()) {
                    send(client, notice);
                    SnapshotFrame snapshot = snapshot(client.subscription.filter());
                    send(client, snapshot.frame());
                    client.seq = snapshot.seq();
                }
            });
        }, e -> LOG.errorf("Live state not rebuilt after boundaries changed: %s", e.getMessage()));
    }

    /** A boundary draft's job moved on: the GIS page shows it as a progress bar. */
    void onDraftProgress(@ObservesAsync DraftProgress progress) {
        var frame = new LinkedHashMap<String, Object>();
        frame.put("type", "draft");
        frame.put("draft", progress.draft());
        frame.put("state", progress.state());
        if (progress.step() != null) frame.put("step", progress.step());
        frame.put("done", progress.done());
        frame.put("total", progress.total());
        broadcast(encode(frame));
    }

    /** The current snapshot for a filter; call with the state's lock held. */
    private SnapshotFrame snapshot(Subscription filter) {
        if (snapshotsOf != state.version()) {
            snapshots.clear();
            snapshotsOf = state.version();
        }
        return snapshots.computeIfAbsent(filter, f -> {
            var snapshot = state.snapshot(f);
            kpiChanges(f, snapshot.kpi()); // what a client of the filter has been told from now on
            return new SnapshotFrame(snapshot.seq(), encode(snapshot));
        });
    }

    /** Runs work with the state's lock held (see {@link LiveState#atomically}), then writes the frames it sent. */
    private void atomically(Runnable work) {
        state.atomically(() -> {
            deltaSent = false;
            work.run();
            writes.go(deltaSent ? pacing::loopWriting : () -> UNPACED);
        });
    }

    /** Sends without waiting, once the work in hand is done (call within atomically); counted unsent until written, or failed. */
    private void send(Client client, Buffer frame) {
        client.unsent.incrementAndGet();
        writes.add(client.loop, client.connection, frame, client.unsent::decrementAndGet);
    }

    /**
     * A frame as UTF-8 JSON, encoded once however many clients it goes to: it is sent as a binary
     * message, whose bytes every socket shares (a text message would be encoded again for each
     * socket, the better part of what a delta to a thousand walls allocated).
     */
    private Buffer encode(Object frame) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
