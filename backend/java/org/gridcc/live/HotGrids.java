package org.gridcc.live;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grids of every level with a hotspot level above 0, with their grid level's code, and how
 * many there are of each grid level. Every delta's key figures name those counts, so the counts of
 * all of them are kept as grids turn hot or cool rather than counted at each delta (with thousands
 * of hot grids under load, counting was most of the time a delta took to build under the state's
 * lock); a subtree's are counted when asked. Not thread-safe: the live state uses it under its lock.
 */
final class HotGrids {

    private final Map<String, String> levelOf = new HashMap<>();
    private final Map<String, Integer> all = new TreeMap<>();

    /** A grid is hot; its grid level's code. */
    void hot(String grid, String level) {
        String before = levelOf.put(grid, level);
        if (level.equals(before)) return;
        if (before != null) less(before);
        all.merge(level, 1, Integer::sum);
    }

    /** A grid is no longer hot. */
    void cool(String grid) {
        String before = levelOf.remove(grid);
        if (before != null) less(before);
    }

    void clear() {
        levelOf.clear();
        all.clear();
    }

    /** Hot grids by grid level's code, in that code's order: all of them (subtree null), or those in a subtree. */
    Map<String, Integer> count(String subtree) {
        if (subtree == null) return new TreeMap<>(all);
        var counts = new TreeMap<String, Integer>();
        levelOf.forEach((grid, level) -> {
            if (grid.startsWith(subtree)) counts.merge(level, 1, Integer::sum);
        });
        return counts;
    }

    private void less(String level) {
        all.computeIfPresent(level, (l, n) -> n == 1 ? null : n - 1);
    }
}
