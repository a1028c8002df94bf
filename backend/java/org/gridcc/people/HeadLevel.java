package org.gridcc.people;

import java.util.Arrays;
import java.util.Optional;
import org.gridcc.grid.GridLevel;

/**
 * The levels that have a head below the county: the grid levels, and the household (楼层长,
 * 中心户长), whose head is placed in the base grid the households lie in. Five levels, as Mizhi's
 * 五级五长 count them.
 */
public enum HeadLevel {
    TOWNSHIP(GridLevel.TOWNSHIP),
    VILLAGE(GridLevel.VILLAGE),
    GROUP(GridLevel.GROUP),
    BASE(GridLevel.BASE),
    HOUSEHOLD(GridLevel.BASE);

    /** The level of the grid a head of this level is placed in. */
    private final GridLevel grid;

    HeadLevel(GridLevel grid) {
        this.grid = grid;
    }

    public String code() {
        return name().toLowerCase();
    }

    public GridLevel gridLevel() {
        return grid;
    }

    public static Optional<HeadLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** The head level of a grid's own head (a special grid's head counts as a base grid's). */
    public static Optional<HeadLevel> ofGrid(GridLevel level) {
        return switch (level) {
            case COUNTY -> Optional.empty();
            case TOWNSHIP -> Optional.of(TOWNSHIP);
            case VILLAGE -> Optional.of(VILLAGE);
            case GROUP -> Optional.of(GROUP);
            case BASE, SPECIAL -> Optional.of(BASE);
        };
    }
}
