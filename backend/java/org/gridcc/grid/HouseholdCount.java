package org.gridcc.grid;

import java.util.List;

/** How many households lie in a drawn area, in all and per grid. */
public record HouseholdCount(long total, int gridVersion, List<PerGrid> grids) {

    /** A grid with the village (村/社区) it lies in, as grids are numbered anew in each village (第2网格). */
    public record PerGrid(String code, GridLevel level, String name, String village, long households) {}
}
