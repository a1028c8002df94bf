package org.gridcc.grid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CountyOutlinesTests {

    @ParameterizedTest
    @CsvSource({"371302, 兰山区", "371321, 沂南县", "530324, 罗平县", "533301, 泸水市", "610827, 米脂县"})
    void everyShippedCountyLoadsAsAValidMultiPolygonInLonLat(String code, String name) {
        CountyOutline county = CountyOutlines.load(code);

        assertThat(county.code()).isEqualTo(code);
        assertThat(county.name()).isEqualTo(name);
        assertThat(county.geometry().isValid()).isTrue();
        assertThat(county.geometry().getSRID()).isEqualTo(4326);
        assertThat(county.geometry().getEnvelopeInternal().getMinX()).isBetween(73.0, 135.0);
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> CountyOutlines.load("110101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("110101")
                .hasMessageContaining("371302").hasMessageContaining("371321").hasMessageContaining("530324")
                .hasMessageContaining("533301").hasMessageContaining("610827");
    }
}
