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

    /** P(X >= k) for X ~ Poisson(lambda), summed from k upwards in logs so that tiny tails keep their digits. */
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
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double sum = 0;
        for (int i = k; i < k + 10_000; i++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (term < sum * 1e-17) break;
            logTerm += Math.log(lambda / (i + 1));
        }
        return Math.min(1, sum);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) sum += Math.log(i);
        return sum;
    }
}
