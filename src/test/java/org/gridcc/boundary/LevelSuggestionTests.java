package org.gridcc.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** The level a file's codes tell by their length. */
class LevelSuggestionTests {

    @Test
    void mostCodesTellTheLevelAndSaySoWithTheirCount() {
        var suggestion = LevelSuggestion.of(List.of("530324101", "530324102", "530324101002", "53032")).orElseThrow();
        assertThat(suggestion).isEqualTo(new LevelSuggestion(GridLevel.TOWNSHIP, 9, 2, 4));
        assertThat(suggestion.isMostOf()).isFalse();
        assertThat(LevelSuggestion.of(List.of("530324101", "530324102", "530324101002")).orElseThrow().isMostOf()).isTrue();
    }

    @Test
    void fifteenDigitsAreAGroupOrFromSerial901ASpecialGrid() {
        assertThat(LevelSuggestion.of(List.of("530324101002003")).orElseThrow().level()).isEqualTo(GridLevel.GROUP);
        assertThat(LevelSuggestion.of(List.of("530324101002901", "530324101002902")).orElseThrow().level()).isEqualTo(GridLevel.SPECIAL);
        assertThat(LevelSuggestion.of(List.of("530324101002003004")).orElseThrow().level()).isEqualTo(GridLevel.BASE);
    }

    @Test
    void noLevelFromMissingMalformedOrCountyCodes() {
        assertThat(LevelSuggestion.of(Arrays.asList(null, "x", "5303241", "530324"))).isEmpty();
    }
}
