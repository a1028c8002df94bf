package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The counts of hot grids by grid level, kept as grids turn hot, change level and cool, against counting them afresh. */
class HotGridsTests {

    @Test
    void aGridHotAgainAtTheSameLevelIsCountedOnceAndOneThatCoolsIsNotCountedAtAll() {
        var hot = new HotGrids();
        hot.hot("530324101", "village");
        hot.hot("530324101", "village");
        hot.hot("530324102", "village");
        hot.hot("530324", "county");
        hot.cool("530324102");
        hot.cool("530324999"); // never hot

        assertThat(hot.count(null)).containsExactly(Map.entry("county", 1), Map.entry("village", 1));
        assertThat(hot.count("5303241")).containsExactly(Map.entry("village", 1));
    }

    @Test
    void theKeptCountsEqualCountingEveryHotGridAfterAnyChanges() {
        var hot = new HotGrids();
        var truth = new HashMap<String, String>();
        var random = new Random(19);
        String[] levels = {"county", "township", "village", "group", "base"};
        for (int i = 0; i < 20_000; i++) {
            String grid = "5303" + (100 + random.nextInt(60));
            if (random.nextInt(3) == 0) {
                hot.cool(grid);
                truth.remove(grid);
            } else {
                String level = levels[random.nextInt(levels.length)];
                hot.hot(grid, level);
                truth.put(grid, level);
            }
            if (i == 10_000) {
                hot.clear();
                truth.clear();
            }
            if (i % 997 == 0) {
                assertThat(hot.count(null)).isEqualTo(counted(truth, ""));
                assertThat(hot.count("53031")).isEqualTo(counted(truth, "53031"));
            }
        }
        assertThat(hot.count(null)).isEqualTo(counted(truth, ""));
    }

    private static Map<String, Integer> counted(Map<String, String> levelOf, String prefix) {
        var counts = new TreeMap<String, Integer>();
        levelOf.forEach((grid, level) -> {
            if (grid.startsWith(prefix)) counts.merge(level, 1, Integer::sum);
        });
        return counts;
    }
}
