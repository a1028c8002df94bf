package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Hotspot scores on known counts; the reference tails were summed exactly (60 digits) outside Java. */
class HotspotScoreTests {

    static final LiveConfig.Hotspot RULES = new LiveConfig.Hotspot() {
        public Duration window() {
            return Duration.ofHours(24);
        }

        public Duration baseline() {
            return Duration.ofDays(28);
        }

        public int minCount() {
            return 3;
        }

        public double minExpected() {
            return 0.2;
        }

        public double[] levels() {
            return new double[] {0.01, 0.001, 0.0001};
        }
    };

    @Test
    void thePoissonUpperTailMatchesExactSums() {
        assertThat(HotspotScore.upperTail(3, 0.2)).isCloseTo(1.1484812449e-03, Percentage.withPercentage(1e-6));
        assertThat(HotspotScore.upperTail(10, 2)).isCloseTo(4.6498075017e-05, Percentage.withPercentage(1e-6));
        assertThat(HotspotScore.upperTail(1, 1)).isCloseTo(6.3212055883e-01, Percentage.withPercentage(1e-6));
        assertThat(HotspotScore.upperTail(0, 5)).isEqualTo(1.0);
        assertThat(HotspotScore.upperTail(150, 100)).isCloseTo(1.8842104660e-06, Percentage.withPercentage(1e-4));
        // A tail far below what one minus a sum could show.
        assertThat(HotspotScore.upperTail(40, 10)).isCloseTo(7.3416363146e-13, Percentage.withPercentage(1e-4));
    }

    @Test
    void theExpectedCountIsTheBaselinesShareOfOneWindowWithAFloor() {
        assertThat(HotspotScore.of(2, 56, 28, RULES).expected()).isCloseTo(2.0, within(1e-12));
        assertThat(HotspotScore.of(2, 0, 28, RULES).expected()).isEqualTo(0.2);
    }

    @Test
    void levelsFollowTheThresholdsFromTheSmallestCountUp() {
        // Two cases where 0.2 were expected: p = 0.0175, and fewer than three cases are never hot.
        assertThat(HotspotScore.of(2, 0, 28, RULES).level()).isZero();
        // Three: p = 0.00115 < 0.01 -> 1.  Five: p = 2.3e-6 < 0.0001 -> 3.
        assertThat(HotspotScore.of(3, 0, 28, RULES).level()).isEqualTo(1);
        assertThat(HotspotScore.of(5, 0, 28, RULES).level()).isEqualTo(3);
        // Ten where two a day is usual (56 in 28 days): p = 4.6e-5 -> 3.  Four where two are usual: ordinary.
        assertThat(HotspotScore.of(10, 56, 28, RULES).level()).isEqualTo(3);
        assertThat(HotspotScore.of(4, 56, 28, RULES).level()).isZero();
    }

    @Test
    void aGridIsExplainedByItsCategoriesCountedInWindowAndBaseline() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        var hotspots = new Hotspots(RULES);
        List<String> chain = List.of("530324", "530324100", "530324100001");
        long id = 0;
        for (int hoursAgo : new int[] {1, 2, 3, 5, 30}) { // four in the window, one the day before
            hotspots.add(new LiveCase(++id, "c" + id, "received", true, "land_dispute", false, now.minus(Duration.ofHours(hoursAgo)),
                    chain, false, false, false));
        }
        hotspots.add(new LiveCase(++id, "c" + id, "received", true, "consultation", false, now.minus(Duration.ofDays(40)), chain,
                false, false, false));

        var explanation = hotspots.explain("530324100001", now);

        assertThat(explanation.categories()).hasSize(1); // the consultation is older than window and baseline
        var land = explanation.categories().get(0);
        assertThat(land.category()).isEqualTo("land_dispute");
        assertThat(land.score().observed()).isEqualTo(4);
        assertThat(land.score().baseline()).isEqualTo(1);
        assertThat(land.score().expected()).isEqualTo(0.2);
        assertThat(explanation.level()).isEqualTo(land.score().level()).isEqualTo(3); // p = 5.7e-5
        assertThat(hotspots.count("530324100", "land_dispute", now.minus(Duration.ofHours(4)), now)).isEqualTo(3);
    }
}
