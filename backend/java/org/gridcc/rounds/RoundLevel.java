package org.gridcc.rounds;

import java.util.Optional;
import org.gridcc.grid.GridLevel;

/**
 * The levels that hold rounds, with the names Lanshan's schedule uses (区级、镇级、村级、网格); a
 * round's unit is a grid of its level. Groups and special grids screen as part of their village.
 */
public final class RoundLevel {

    private RoundLevel() {}

    public static boolean holdsRounds(GridLevel level) {
        return level == GridLevel.COUNTY || level == GridLevel.TOWNSHIP || level == GridLevel.VILLAGE || level == GridLevel.BASE;
    }

    public static Optional<GridLevel> of(String code) {
        return GridLevel.of(code).filter(RoundLevel::holdsRounds);
    }

    public static String chinese(GridLevel level) {
        return switch (level) {
            case COUNTY -> "区/县级";
            case TOWNSHIP -> "镇级";
            case VILLAGE -> "村级";
            case BASE -> "网格";
            default -> level.chinese();
        };
    }
}
