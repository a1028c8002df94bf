package org.gridcc.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.stats.CaseStats;
import org.gridcc.stats.Kpis;
import org.jboss.logging.Logger;

/**
 * The state of every grid at every level, as the wall shows it: read from the database at start,
 * then folded event by event from the {@code case-events} channel. Each event carries its case
 * as it stood after the event, so a fold replaces the case's old contribution with its new one
 * and the counts stay equal to what the database says. Changes since the last delta are kept
 * for the hub to send. All methods hold this object's lock.
 */
@ApplicationScoped
public class LiveState {

    private static final Logger LOG = Logger.getLogger(LiveState.class);

    private final Pool pool;
    private final GridIndex index;
    private final ServiceClock clock;
    private final LiveConfig config;
    private final GroupAlerts groupAlerts;
    private final CaseStats stats;

    private final Map<Long, LiveCase> cases = new HashMap<>();
    private final Map<String, GridTally> tallies = new HashMap<>();
    private final ArrayDeque<StreamEvent.Ticker> recent = new ArrayDeque<>();
    private final Set<String> changed = new HashSet<>();
    /** Each grid's state as the last drain gave it to clients (grids with nothing to show left out). */
    private final Map<String, GridState> drained = new HashMap<>();
    private final List<StreamEvent.Ticker> pending = new ArrayList<>();
    private final Map<String, Instant> lastGroupAlert = new HashMap<>();
    private final Set<String> counties = new HashSet<>();
    private Hotspots hotspots;
    /** The reports' rates of today, by the grid whose subtree they cover (the county, and each subtree a client watches). */
    private final Map<String, Kpis> rates = new HashMap<>();
    /** Subtrees whose rates are being read: walls connecting together to one area start one read. */
    private final Set<String> rating = new HashSet<>();
    /** Grids of every level with a hotspot level above 0, and their counts by grid level, kept as levels change. */
    private final HotGrids hotGrids = new HotGrids();
    /** Group-event warnings not yet acknowledged, as last read. */
    private List<GroupAlert> openAlerts = List.of();
    /** Since the last drain: alerts raised or changed, and those acknowledged (as they were), by id. */
    private final Map<Long, GroupAlert> alertsRaised = new TreeMap<>();
    private final Map<Long, GroupAlert> alertsGone = new TreeMap<>();
    /** Reads of the open alerts started and applied: an older answer never replaces a newer one. */
    private long alertReads, alertsRead;
    /** Told (with the lock held) when an event was folded: the hub decides when to send it. */
    private Runnable onEvent = () -> {};
    /** Done once the state has been read from the database (the first rebuild). */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    /** Grows with every change of the state: snapshots taken at the same value are the same. */
    private long version;
    private long seq;
    private int gridVersion;
    private LocalDate today;

    public LiveState(Pool pool, GridIndex index, ServiceClock clock, LiveConfig config, GroupAlerts groupAlerts, CaseStats stats) {
        this.pool = pool;
        this.index = index;
        this.clock = clock;
        this.config = config;
        this.groupAlerts = groupAlerts;
        this.stats = stats;
        this.hotspots = new Hotspots(config.hotspot());
    }

    /** What a client gets first (and again when it fell behind or the boundaries changed). */
    public record Snapshot(long seq, int gridVersion, Map<String, GridState> grids, Kpi kpi, List<GroupAlert> alerts, List<Long> missed) {
        @JsonProperty(index = 0)
        public String type() {
            return "snapshot";
        }
    }

    /**
     * What changed since the last drain: grid states (every level), events in stream order, and the
     * open alerts raised or changed and the ids of those acknowledged (a wall may hold many alerts;
     * each change is sent once, not the whole list again).
     */
    record Drain(long seq, Map<String, GridState> grids, List<StreamEvent.Ticker> events, List<GroupAlert> alertsRaised,
                 List<GroupAlert> alertsGone) {}

    /** Reads every open case, and every case recent enough for the hotspot windows, in one consistent snapshot. */
    public Uni<Void> rebuild() {
        readAlerts();
        Instant now = clock.now();
        Instant horizon = now.minus(config.hotspot().window()).minus(config.hotspot().baseline());
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                        .chain(() -> tx.query("SELECT coalesce(max(seq), 0) FROM case_event").execute())
                        .chain(head -> tx.preparedQuery("SELECT * FROM case_live WHERE open OR received_at > $1")
                                .execute(Tuple.of(horizon.atOffset(ZoneOffset.UTC)))
                                .chain(live -> tx.preparedQuery("""
                                                SELECT village_code, category, max(raised_at) AS at FROM group_alert
                                                 WHERE raised_at > $1 GROUP BY village_code, category""")
                                        .execute(Tuple.of(now.minus(config.groupAlert().window()).atOffset(ZoneOffset.UTC)))
                                        .invoke(alerts -> load(head.iterator().next().getLong(0), live, alerts, now)))))
                .replaceWithVoid();
    }

    private synchronized void load(long head, Iterable<Row> live, Iterable<Row> alerts, Instant now) {
        changed.addAll(tallies.keySet());
        cases.clear();
        tallies.clear();
        hotGrids.clear();
        lastGroupAlert.clear();
        hotspots = new Hotspots(config.hotspot());
        today = day(now);
        for (Row row : live) {
            LiveCase c = LiveCase.of(row);
            cases.put(c.id(), c);
            count(c, 1);
            hotspots.add(c);
        }
        for (Row row : alerts) {
            lastGroupAlert.put(row.getString("village_code") + "|" + row.getString("category"),
                    row.getOffsetDateTime("at").toInstant());
        }
        rescore(hotspots.grids(), now);
        seq = Math.max(seq, head);
        gridVersion = index.version();
        version++;
        LOG.infof("Live state: %d cases, %d grids with cases, at stream position %d", cases.size(), tallies.size(), seq);
        loaded.complete(null);
    }

    /**
     * An event from the stream: from this node's relay, or in cluster mode from the Kafka topic.
     * Positions this node never got (it joined the topic after they went out) are read from the
     * database first, so that nothing is folded out of order or skipped.
     */
    @Incoming("case-events")
    @Incoming("case-events-from-kafka")
    public Uni<Void> receive(StreamEvent event) {
        // The topic may deliver before the state is first read at start: such events wait for it.
        if (!loaded.isDone()) return Uni.createFrom().completionStage(loaded).chain(() -> receive(event));
        long held = seq();
        if (event.seq() <= held + 1) {
            fold(event);
            return Uni.createFrom().voidItem();
        }
        return StreamReader.between(pool, held, event.seq(), Integer.MAX_VALUE).invoke(missed -> {
            LOG.infof("Live state: positions %d to %d read from the database", held + 1, event.seq() - 1);
            missed.forEach(this::fold);
            fold(event);
        }).replaceWithVoid();
    }

    synchronized void fold(StreamEvent event) {
        if (event.seq() <= seq) return; // already in the state read at start, or a redelivery
        seq = event.seq();
        version++;
        Instant now = clock.now();
        LiveCase after = event.after(), before = cases.get(after.id());
        if (before != null) count(before, -1);
        if (after.open() || after.receivedAt().isAfter(now.minus(config.hotspot().window()).minus(config.hotspot().baseline()))) {
            cases.put(after.id(), after);
            count(after, 1);
        } else {
            cases.remove(after.id());
        }
        if (before == null && event.type().equals("RECEIVED")) {
            hotspots.add(after);
            rescore(after.grids(), now);
            raiseGroupAlert(after, now);
        }
        if (GroupAlerts.CHANGING.contains(event.type())) readAlerts();
        StreamEvent.Ticker ticker = event.ticker();
        recent.addLast(ticker);
        while (recent.size() > config.recentEvents()) recent.removeFirst();
        pending.add(ticker);
        onEvent.run();
    }

    /** Whom to tell when an event was folded; it runs with this object's lock held, so it must only schedule work. */
    synchronized void onEvent(Runnable listener) {
        onEvent = listener;
    }

    /**
     * Runs work while no event can be folded, so that what it drains and snapshots belongs to
     * one moment. (Callers cannot lock this bean themselves: they hold its client proxy.)
     */
    synchronized void atomically(Runnable work) {
        work.run();
    }

    /** The state as a subscription sees it, naming no positions missed (SnapshotFrame adds them for a client that fell behind). */
    synchronized Snapshot snapshot(Subscription subscription) {
        var grids = new HashMap<String, GridState>();
        tallies.forEach((code, tally) -> {
            GridState state = tally.state();
            if (!state.isEmpty() && subscription.acceptsGrid(code, index)) grids.put(code, state);
        });
        return new Snapshot(seq, gridVersion, grids, kpi(subscription.subtree()), alertsIn(subscription.subtree()), null);
    }

    synchronized Drain drain() {
        var grids = new HashMap<String, GridState>();
        for (String code : changed) {
            GridTally tally = tallies.get(code);
            GridState now = tally == null ? GridState.EMPTY : tally.state();
            // A case accepted or replied to leaves its grids' colours as they were: nothing to send.
            if (now.equals(drained.getOrDefault(code, GridState.EMPTY))) continue;
            grids.put(code, now);
            if (now.isEmpty()) drained.remove(code);
            else drained.put(code, now);
        }
        changed.clear();
        var events = List.copyOf(pending);
        pending.clear();
        var drain = new Drain(seq, grids, events, List.copyOf(alertsRaised.values()), List.copyOf(alertsGone.values()));
        alertsRaised.clear();
        alertsGone.clear();
        return drain;
    }

    /** The open alerts of a subtree (null: all); call with the lock held. */
    synchronized List<GroupAlert> alertsIn(String subtree) {
        return subtree == null ? openAlerts : openAlerts.stream().filter(a -> a.village().startsWith(subtree)).toList();
    }

    /** Reads the open group-event warnings again (at start, and when one is raised or acknowledged on any node). */
    private synchronized void readAlerts() {
        long ticket = ++alertReads;
        groupAlerts.open().subscribe().with(alerts -> {
            synchronized (this) {
                if (ticket < alertsRead) return;
                alertsRead = ticket;
                if (alerts.equals(openAlerts)) return;
                var before = new HashMap<Long, GroupAlert>();
                openAlerts.forEach(a -> before.put(a.id(), a));
                for (GroupAlert alert : alerts) {
                    if (!alert.equals(before.remove(alert.id()))) {
                        alertsRaised.put(alert.id(), alert);
                        alertsGone.remove(alert.id());
                    }
                }
                for (GroupAlert gone : before.values()) {
                    alertsRaised.remove(gone.id());
                    alertsGone.put(gone.id(), gone);
                }
                openAlerts = alerts;
                version++;
            }
        }, e -> LOG.warnf("Live state: open group alerts not read (%s)", e.getMessage()));
    }

    synchronized long seq() {
        return seq;
    }

    /** The events in (after, upTo] if memory still holds them all. */
    synchronized Optional<List<StreamEvent.Ticker>> recentEvents(long after, long upTo) {
        if (recent.isEmpty() || recent.getFirst().seq() > after + 1) return after >= upTo ? Optional.of(List.of()) : Optional.empty();
        return Optional.of(recent.stream().filter(e -> e.seq() > after && e.seq() <= upTo).toList());
    }

    synchronized Hotspots.Explanation explain(String grid) {
        return hotspots.explain(grid, clock.now());
    }

    /** Every minute: windows slide, days turn, rates are read again for the county and each subtree watched. */
    synchronized void tick(Set<String> watched) {
        Instant now = clock.now();
        if (!day(now).equals(today)) {
            today = day(now);
            changed.addAll(tallies.keySet());
            tallies.clear();
            hotGrids.clear();
            cases.values().removeIf(c -> !c.open() && c.receivedAt().isBefore(now.minus(config.hotspot().window())
                    .minus(config.hotspot().baseline())));
            cases.values().forEach(c -> count(c, 1));
            hotspots.forgetBefore(now);
        }
        rescore(hotspots.grids(), now);
        var rated = new HashSet<>(watched);
        rated.addAll(counties);
        rates.keySet().retainAll(rated);
        rated.forEach(this::rate);
    }

    /** Rates for a subtree a new client watches, unless they are kept or being read already. */
    synchronized void watch(String grid) {
        if (!rates.containsKey(grid)) rate(grid);
    }

    /** Reads today's rates of a grid's subtree from the reports (once at a time), and keeps them for the key figures. */
    private void rate(String grid) {
        if (!rating.add(grid)) return;
        Instant now = clock.now();
        stats.kpis(grid, today.atStartOfDay(ServiceClock.CHINA).toOffsetDateTime(), now.atOffset(ZoneOffset.UTC))
                .subscribe().with(kpis -> {
                    synchronized (this) {
                        rating.remove(grid);
                        rates.put(grid, kpis);
                        version++;
                    }
                }, e -> {
                    synchronized (this) {
                        rating.remove(grid);
                    }
                    LOG.warnf("Live key figures: rates of %s not read (%s)", grid, e.getMessage());
                });
    }

    synchronized long version() {
        return version;
    }

    private void count(LiveCase c, int sign) {
        boolean receivedToday = day(c.receivedAt()).equals(today);
        for (String grid : c.grids()) {
            tallies.computeIfAbsent(grid, g -> new GridTally()).count(c, receivedToday, sign);
            changed.add(grid);
        }
        if (!c.grids().isEmpty()) counties.add(c.grids().get(0));
        version++;
    }

    private void rescore(Iterable<String> grids, Instant now) {
        for (String grid : grids) {
            int level = hotspots.level(grid, now);
            GridTally tally = tallies.get(grid);
            if (tally == null && level == 0 || tally != null && tally.hot == level) continue;
            tally = tallies.computeIfAbsent(grid, g -> new GridTally());
            if (level > 0) index.grid(grid).ifPresent(g -> hotGrids.hot(grid, g.level().code()));
            else hotGrids.cool(grid);
            tally.hot = level;
            changed.add(grid);
            version++;
        }
    }

    /** Several cases of one category from one village within a few hours: one alert for the cluster. */
    private void raiseGroupAlert(LiveCase c, Instant now) {
        var rule = config.groupAlert();
        if (rule.cases() <= 0 || c.village() == null || c.receivedAt().isBefore(now.minus(rule.window()))) return;
        int cluster = hotspots.count(c.village(), c.category(), c.receivedAt().minus(rule.window()), c.receivedAt());
        String key = c.village() + "|" + c.category();
        Instant last = lastGroupAlert.get(key);
        if (cluster < rule.cases() || last != null && last.isAfter(c.receivedAt().minus(rule.window()))) return;
        lastGroupAlert.put(key, c.receivedAt());
        groupAlerts.raise(c, cluster, rule.window(), now, () -> {
            synchronized (this) {
                lastGroupAlert.remove(key, c.receivedAt());
            }
        });
    }

    /** The key figures of a subtree (null: every county there is), as a client watching it may see them; call with the lock held. */
    synchronized Kpi kpi(String subtree) {
        int received = 0, open = 0, warned = 0, overdue = 0, supervised = 0;
        for (String grid : subtree == null ? counties : Set.of(subtree)) {
            GridTally t = tallies.get(grid);
            if (t == null) continue;
            received += t.newToday;
            open += t.open;
            warned += t.warned;
            overdue += t.overdue;
            supervised += t.supervised;
        }
        Map<String, Integer> hot = hotGrids.count(subtree);
        Kpis rated = rates.get(subtree == null ? counties.stream().findFirst().orElse("") : subtree);
        return new Kpi(received, open, warned, overdue, supervised, hot, rated == null ? null : rated.timelyAcceptance(),
                rated == null ? null : rated.onTimeReply(), rated == null ? null : rated.satisfaction());
    }

    private static LocalDate day(Instant time) {
        return time.atZone(ServiceClock.CHINA).toLocalDate();
    }
}
