package org.gridcc.grid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoScaleTests {

    @Test
    void luopingAndLanshanHaveTheirPublishedScale() {
        assertThat(DemoScale.forCounty("530324")).contains(DemoScale.LUOPING);
        assertThat(DemoScale.forCounty("371302")).contains(DemoScale.LANSHAN);
        assertThat(DemoScale.forCounty("610827")).isEmpty();
        assertThat(DemoScale.LUOPING).isEqualTo(new DemoScale("530324", 13, 162, 2703, 8057, 487, 150_458));
        assertThat(DemoScale.LANSHAN.groups()).isZero();
        assertThat(DemoScale.LANSHAN.baseGrids()).isEqualTo(2532);
    }

    @Test
    void aScaleThatCannotGiveEveryGridAChildIsRefused() {
        assertThatThrownBy(() -> new DemoScale("530324", 13, 12, 0, 200, 0, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("townships <= villages");
        assertThatThrownBy(() -> new DemoScale("530324", 3, 12, 10, 200, 0, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoScale("530324", 3, 12, 60, 50, 0, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoScale("530324", 3, 12, 60, 200, 0, 11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountyTimesOverHasEveryCountTimesOverAsFarAsItsCodesReach() {
        assertThat(DemoScale.LUOPING.times(1)).isEqualTo(DemoScale.LUOPING);
        assertThat(DemoScale.LUOPING.times(16)).isEqualTo(new DemoScale("530324", 208, 2592, 43_248, 128_912, 7792, 2_407_328));
        assertThatThrownBy(() -> DemoScale.LUOPING.times(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number from 1");
        // 13 townships 31 times over are more than the serials of streets, towns and townships (GB/T 10114) number.
        assertThatThrownBy(() -> DemoScale.LUOPING.times(31)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 30");
    }
}
