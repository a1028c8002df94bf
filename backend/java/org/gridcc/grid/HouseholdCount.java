package org.gridcc.grid;

import java.util.List;

/** How many households lie in a drawn area, in all and per grid. */
public record HouseholdCount(long total, int gridVersion, List<PerGrid> grids) {

    public record PerGrid(String code, GridLevel level, String name, long households) {}
}
