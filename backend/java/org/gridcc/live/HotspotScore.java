package org.gridcc.live;

/**
 * How unusual a count is: {@code observed} cases in the window where {@code expected} were
 * expected, scored by the Poisson upper tail P(X >= observed). A level from 0 (ordinary) to 3
 * follows from the thresholds, and only from {@code minCount} cases up.
 */
public record HotspotScore(int observed, int baseline, double expected, double pValue, int level) {

    public static HotspotScore of(int observed, int baseline, double baselineWindows, LiveConfig.Hotspot rules) {
        double expected = Math.max(baseline / baselineWindows, rules.minExpected());
        double p = upperTail(observed, expected);
        int level = 0;
        if (observed >= rules.minCount()) {
            for (double threshold : rules.levels()) {
                if (p < threshold) level++;
            }
        }
        return new HotspotScore(observed, baseline, expected, p, level);
    }

    /**
     * P(X >= k) for X ~ Poisson(lambda), summed from k upwards so that tiny tails keep their digits (a
     * tail below the smallest double is 0: no threshold tells it apart).
     */
    static double upperTail(int k, double lambda) {
        if (k <= 0) return 1;
        if (k <= lambda) {
            // The tail is large here: one minus the (short) lower sum is exact enough.
            double term = Math.exp(-lambda), lower = 0;
            for (int i = 0; i < k; i++) {
                lower += term;
                term *= lambda / (i + 1);
            }
            return Math.max(0, 1 - lower);
        }
        // The first term in logs (k! overflows), the rest by the ratio of neighbours: no exp or log per term.
        double term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
        double sum = 0;
        for (int i = k; i < k + 10_000 && term > 0; i++) {
            sum += term;
            if (term < sum * 1e-17) break;
            term *= lambda / (i + 1);
        }
        return Math.min(1, sum);
    }

    /** log n! exactly below this, by Stirling's series from here (relative error under 1e-15). */
    private static final int TABLED = 256;
    private static final double[] LOG_FACTORIALS = new double[TABLED];

    static {
        for (int n = 2; n < TABLED; n++) LOG_FACTORIALS[n] = LOG_FACTORIALS[n - 1] + Math.log(n);
    }

    static double logFactorial(int n) {
        if (n < TABLED) return LOG_FACTORIALS[n];
        double x = n, inverse = 1 / x, inverse2 = inverse * inverse;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260));
    }
}
