package org.gridcc.grid.demo;

import org.gridcc.grid.NewHousehold;
import org.gridcc.grid.NewGrid;
import java.util.List;

/**
 * A generated county: {@code grids} lists parents before children, the county first, then each level
 * in code order, special grids last; {@code households} are in code order.
 */
public record DemoGrid(String countyCode, String countyName, long seed, List<NewGrid> grids,
        List<NewHousehold> households) {
}
