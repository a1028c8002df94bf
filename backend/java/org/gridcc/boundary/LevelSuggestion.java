package org.gridcc.boundary;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridcc.grid.GridCode;
import org.gridcc.grid.GridLevel;

/**
 * The level a file's grids are of, told by their codes' length (GridLevel.ofGridCode): the level
 * most codes have. {@code matching} of the file's {@code codes} codes have its {@code digits}.
 */
public record LevelSuggestion(GridLevel level, int digits, long matching, long codes) {

    /** The level of most well-formed codes; empty when no code is of a level below the county. */
    static Optional<LevelSuggestion> of(Collection<String> codes) {
        Map<GridLevel, Long> byLevel = codes.stream().filter(GridCode::isCode)
                .map(code -> GridLevel.ofGridCode(code).orElse(null))
                .filter(level -> level != null && level != GridLevel.COUNTY)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return byLevel.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> new LevelSuggestion(e.getKey(), e.getKey().codeLength(), e.getValue(), codes.size()));
    }

    /** Most codes are of this level: a file of another level would fail them one by one. */
    boolean isMostOf() {
        return matching * 2 > codes;
    }
}
