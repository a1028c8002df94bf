package org.gridcc.grid;

import java.util.List;

/**
 * The grids that contain a point, county first down to the finest grid, and the special
 * grids (schools, offices, companies) there.
 */
public record GridChain(double lon, double lat, int gridVersion, List<GridRef> chain, List<GridRef> special) {

    /** The finest geographic grid: where a case at this point belongs. */
    public GridRef finest() {
        return chain.get(chain.size() - 1);
    }

    /** The code of a chain's grid at a level, or null when the chain has none there. */
    public static String codeAt(List<GridRef> chain, GridLevel level) {
        return chain.stream().filter(g -> g.level() == level).map(GridRef::code).findFirst().orElse(null);
    }
}
