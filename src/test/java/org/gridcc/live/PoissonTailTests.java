package org.gridcc.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * The Poisson upper tail at counts a county or township reaches (hundreds to thousands), against
 * values summed independently with 80-digit decimals, and log n! against the log-gamma function.
 */
class PoissonTailTests {

    @Test
    void largeCountsHaveTheirTailToElevenDigits() {
        assertThat(HotspotScore.upperTail(300, 250.0)).isCloseTo(1.162393631054618e-3, withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(1000, 800.0)).isCloseTo(5.501419776179228e-12, withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(6100, 6000.0)).isCloseTo(9.971814357283478e-2, withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(40, 10.0)).isCloseTo(7.341636314560471e-13, withPercentage(1e-9));
        assertThat(HotspotScore.upperTail(12, 1.5)).isCloseTo(6.824218029236008e-8, withPercentage(1e-9));
    }

    @Test
    void aTailBelowTheSmallestDoubleIsZero() {
        assertThat(HotspotScore.upperTail(2000, 1.0)).isZero();
    }

    @Test
    void logFactorialsAreExactInTheTableAndByStirlingBeyondIt() {
        assertThat(HotspotScore.logFactorial(0)).isZero();
        assertThat(HotspotScore.logFactorial(1)).isZero();
        assertThat(HotspotScore.logFactorial(5)).isCloseTo(Math.log(120), within(1e-13));
        assertThat(HotspotScore.logFactorial(255)).isCloseTo(1161.7121011184006, within(1e-9));
        assertThat(HotspotScore.logFactorial(256)).isCloseTo(1167.2572785628802, within(1e-9));
        assertThat(HotspotScore.logFactorial(1000)).isCloseTo(5912.128178488163, within(1e-9));
        assertThat(HotspotScore.logFactorial(6000)).isCloseTo(46202.35719905735, within(1e-8));
    }
}
