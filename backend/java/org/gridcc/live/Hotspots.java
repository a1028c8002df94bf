package org.gridcc.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hotspots (热点): for each grid and category, the cases received in the trailing window
 * (default 24 h) against the number expected from the trailing baseline before it (default 28
 * days, so one window's share is a 28th of it). The Poisson upper tail of the count says how
 * unusual it is; the grid's level is the highest of its categories'. Not thread-safe: the live
 * state calls it under its lock.
 */
final class Hotspots {

    private final LiveConfig.Hotspot rules;
    private final Map<String, Map<String, Timeline>> byGrid = new HashMap<>();

    Hotspots(LiveConfig.Hotspot rules) {
        this.rules = rules;
    }

    /** The explanation of a grid's level: every category with cases in the window or baseline, most unusual first. */
    record Explanation(String grid, int level, double windowHours, double baselineDays, int minCount, double[] levelThresholds,
                       List<CategoryScore> categories) {}

    record CategoryScore(String category, HotspotScore score) {}

    void add(LiveCase c) {
        for (String grid : c.grids()) {
            byGrid.computeIfAbsent(grid, g -> new HashMap<>()).computeIfAbsent(c.category(), k -> new Timeline())
                    .add(c.receivedAt().toEpochMilli());
        }
    }

    /** Cases of the category in the grid received in (from, to]. */
    int count(String grid, String category, Instant from, Instant to) {
        var timeline = byGrid.getOrDefault(grid, Map.of()).get(category);
        return timeline == null ? 0 : timeline.count(from.toEpochMilli(), to.toEpochMilli());
    }

    int level(String grid, Instant now) {
        return explain(grid, now).level();
    }

    Explanation explain(String grid, Instant now) {
        long end = now.toEpochMilli(), windowStart = end - rules.window().toMillis();
        long baselineStart = windowStart - rules.baseline().toMillis();
        double baselineWindows = (double) rules.baseline().toMillis() / rules.window().toMillis();
        var scores = new ArrayList<CategoryScore>();
        for (var entry : byGrid.getOrDefault(grid, Map.of()).entrySet()) {
            int observed = entry.getValue().count(windowStart, end);
            int baseline = entry.getValue().count(baselineStart, windowStart);
            if (observed + baseline > 0) {
                scores.add(new CategoryScore(entry.getKey(), HotspotScore.of(observed, baseline, baselineWindows, rules)));
            }
        }
        scores.sort(Comparator.comparingDouble((CategoryScore s) -> s.score().pValue()).thenComparing(CategoryScore::category));
        int level = scores.stream().mapToInt(s -> s.score().level()).max().orElse(0);
        return new Explanation(grid, level, rules.window().toMinutes() / 60.0, rules.baseline().toHours() / 24.0, rules.minCount(),
                rules.levels(), scores);
    }

    Iterable<String> grids() {
        return List.copyOf(byGrid.keySet());
    }

    /** Forgets cases too old to count in any window or baseline. */
    void forgetBefore(Instant now) {
        long until = now.minus(rules.window()).minus(rules.baseline()).toEpochMilli();
        byGrid.values().forEach(categories -> categories.values().removeIf(timeline -> timeline.forgetUntil(until)));
        byGrid.values().removeIf(Map::isEmpty);
    }
}
