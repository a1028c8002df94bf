package org.gridcc.grid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApportionmentTests {

    @Test
    void sharesAreProportionalToTheWeights() {
        assertThat(Apportionment.split(60, new double[] {1, 2, 3}, 1)).containsExactly(10, 20, 30);
    }

    @Test
    void sharesAlwaysSumToTheTotalAndRespectTheMinimum() {
        double[] weights = {0.001, 5, 7.3, 1e-9, 2};
        for (int total = 5; total < 200; total += 7) {
            int[] shares = Apportionment.split(total, weights, 1);
            assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
            assertThat(Arrays.stream(shares).min().getAsInt()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void nothingToShareGivesNothingWhenNoMinimumIsAsked() {
        assertThat(Apportionment.split(0, new double[] {3, 4}, 0)).containsExactly(0, 0);
    }

    @Test
    void aTotalBelowTheMinimumsIsRefused() {
        assertThatThrownBy(() -> Apportionment.split(2, new double[] {1, 1, 1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
