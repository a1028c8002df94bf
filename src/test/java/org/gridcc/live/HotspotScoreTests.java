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

    /**
     * P(X >= k) = 1 - e^-λ (1 + λ + λ²/2! + … + λ^(k-1)/(k-1)!), written out term by term for
     * λ = 2 and k = 1…6: both branches of upperTail (k <= λ: one minus the lower sum; k > λ:
     * the upper sum in logs) against the same closed form.
     */
    @Test
    void thePoissonUpperTailForSeveralCountsMatchesTheClosedForm() {
        double e = Math.exp(-2);
        assertThat(HotspotScore.upperTail(1, 2)).isCloseTo(1 - e, Percentage.withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(2, 2)).isCloseTo(1 - e * (1 + 2), Percentage.withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(3, 2)).isCloseTo(1 - e * (1 + 2 + 2), Percentage.withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(4, 2)).isCloseTo(1 - e * (1 + 2 + 2 + 8.0 / 6), Percentage.withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(5, 2)).isCloseTo(1 - e * (1 + 2 + 2 + 8.0 / 6 + 16.0 / 24), Percentage.withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(6, 2)).isCloseTo(1 - e * (1 + 2 + 2 + 8.0 / 6 + 16.0 / 24 + 32.0 / 120), Percentage.withPercentage(1e-9));
        // λ = 5, k = 3 (the lower sum with three terms): 1 - e^-5 (1 + 5 + 12.5) = 0.87534798…
        assertThat(HotspotScore.upperTail(3, 5)).isCloseTo(1 - Math.exp(-5) * 18.5, Percentage.withPercentage(1e-9));
        // λ = 0.5: the usual four-decimal Poisson tables give
        // P(X = 0…3) = 0.6065, 0.3033, 0.0758, 0.0126, so P(X >= 2) = 1 - 0.6065 - 0.3033 = 0.0902 and
        // P(X >= 4) = 1 - 0.6065 - 0.3033 - 0.0758 - 0.0126 = 0.0018 (each within the tables' rounding).
        assertThat(HotspotScore.upperTail(2, 0.5)).isCloseTo(0.0902, within(0.0001));
        assertThat(HotspotScore.upperTail(4, 0.5)).isCloseTo(0.0018, within(0.0001));
        double h = Math.exp(-0.5);
        for (int k = 1; k <= 6; k++) {
            double lower = 0, term = h;
            for (int i = 0; i < k; i++) {
                lower += term;
                term = term * 0.5 / (i + 1);
            }
            assertThat(HotspotScore.upperTail(k, 0.5)).as("k = %d", k).isCloseTo(1 - lower, Percentage.withPercentage(1e-7));
        }
    }

    /**
     * Far in the tail, P(X >= k) = e^-λ λ^k / k! × (1 + λ/(k+1) + λ²/((k+1)(k+2)) + …): the
     * series, summed here directly, for λ = 0.5 and k = 8, 12, 20.
     */
    @Test
    void tinyTailsKeepTheirDigits() {
        for (int k : new int[] {8, 12, 20}) {
            double first = Math.exp(-0.5);
            for (int i = 1; i <= k; i++) first = first * 0.5 / i; // e^-λ λ^k / k!
            double series = 0, factor = 1;
            for (int j = 0; j < 30; j++) {
                series += factor;
                factor = factor * 0.5 / (k + j + 1);
            }
            assertThat(HotspotScore.upperTail(k, 0.5)).as("k = %d", k).isCloseTo(first * series, Percentage.withPercentage(1e-9));
        }
    }

    /** A tail below the smallest double is 0 (and is found in bounded time, not by summing forever). */
    @Test
    void aTailBelowTheSmallestDoubleIsZero() {
        // e^-0.2 × 0.2^1000 / 1000! ≈ 10^-699 × 10^-2568: far below 4.9e-324.
        assertThat(HotspotScore.upperTail(1000, 0.2)).isZero();
    }

    /** A count far below a large expectation is certain: P(X >= 1) = 1 - e^-20000 = 1 in doubles. */
    @Test
    void aSmallCountUnderALargeExpectationIsCertain() {
        assertThat(HotspotScore.upperTail(1, 20_000)).isEqualTo(1.0);
        assertThat(HotspotScore.upperTail(5, 12_000)).isEqualTo(1.0);
    }

    @Test
    void fewerThanTheMinimumCountIsNeverHotHoweverUnlikely() {
        // With the floor at 0.05, two cases have P(X >= 2) = 1 - e^-0.05 × 1.05 = 0.00121, below the first threshold,
        // but two is fewer than the three cases a hotspot needs.
        var rules = rules(3, 0.05, 0.01, 0.001, 0.0001);
        HotspotScore two = HotspotScore.of(2, 0, 28, rules);
        assertThat(two.pValue()).isCloseTo(1 - Math.exp(-0.05) * 1.05, Percentage.withPercentage(1e-9)).isLessThan(0.01);
        assertThat(two.level()).isZero();
        // With the minimum lowered to two, the same count is level 1.
        assertThat(HotspotScore.of(2, 0, 28, rules(2, 0.05, 0.01, 0.001, 0.0001)).level()).isEqualTo(1);
    }

    @Test
    void aThresholdCountsOnlyWhenTheTailIsStrictlyBelowIt() {
        // No cases at all: P(X >= 0) is exactly 1, which is not below a threshold of 1.
        var rules = rules(0, 0.2, 1.0, 0.5);
        assertThat(HotspotScore.of(0, 0, 28, rules).pValue()).isEqualTo(1.0);
        assertThat(HotspotScore.of(0, 0, 28, rules).level()).isZero();
    }

    private static LiveConfig.Hotspot rules(int minCount, double minExpected, double... levels) {
        return new LiveConfig.Hotspot() {
            public Duration window() {
                return Duration.ofHours(24);
            }

            public Duration baseline() {
                return Duration.ofDays(28);
            }

            public int minCount() {
                return minCount;
            }

            public double minExpected() {
                return minExpected;
            }

            public double[] levels() {
                return levels;
            }
        };
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
            hotspots.add(new LiveCase(++id, "c" + id, "received", "land_dispute", false, now.minus(Duration.ofHours(hoursAgo)),
                    chain, false, false, false));
        }
        hotspots.add(new LiveCase(++id, "c" + id, "received", "consultation", false, now.minus(Duration.ofDays(40)), chain,
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
