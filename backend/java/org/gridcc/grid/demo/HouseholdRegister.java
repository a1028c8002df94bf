package org.gridcc.grid.demo;

import org.gridcc.grid.NewHousehold;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.grid.GridLevel;
import org.locationtech.jts.geom.Coordinate;

/**
 * Registers the households in their base grids: each goes to the base grid whose exact polygon holds
 * it (point in polygon; on a shared edge, the grid with the lowest code), gets the grid's code plus a
 * 4-digit serial, and a house number counted through its group (or, without groups, its base grid).
 */
final class HouseholdRegister {

    private static final int LAST_SERIAL = 9999;
    private static final int PROGRESS_EVERY = 50_000;

    private HouseholdRegister() {
    }

    /** The households in code order; {@code baseGrids} must be in code order. */
    static List<NewHousehold> register(List<GridNode> baseGrids, List<Coordinate> households, DemoProgress progress) {
        CellLocator locator = new CellLocator(baseGrids.stream().map(b -> b.shape).toList());
        List<List<Coordinate>> inGrid = new ArrayList<>(baseGrids.size());
        baseGrids.forEach(b -> inGrid.add(new ArrayList<>()));
        for (int i = 0; i < households.size(); i++) {
            Coordinate household = households.get(i);
            int grid = locator.locate(household);
            if (grid < 0) {
                throw new IllegalStateException("Household at " + household + " lies in no base grid");
            }
            inGrid.get(grid).add(household);
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == households.size()) {
                progress.step("households located", i + 1, households.size());
            }
        }
        List<NewHousehold> register = new ArrayList<>(households.size());
        GridNode numberedParent = null;
        int houseNumber = 0;
        for (int g = 0; g < baseGrids.size(); g++) {
            GridNode base = baseGrids.get(g);
            List<Coordinate> members = inGrid.get(g);
            if (members.size() > LAST_SERIAL) {
                throw new IllegalStateException("Base grid " + base.code + " has " + members.size()
                        + " households, more than a 4-digit serial can number");
            }
            members.sort(DemoGeometry.NORTH_FIRST_THEN_WEST);
            GridNode numbering = base.parent.level == GridLevel.GROUP ? base.parent : base;
            if (numbering != numberedParent) {
                numberedParent = numbering;
                houseNumber = 0;
            }
            for (int i = 0; i < members.size(); i++) {
                register.add(new NewHousehold(GridLabels.withSerial(base.code, i + 1, 4),
                        DemoGeometry.FACTORY.createPoint(members.get(i)), base.code, address(numbering, ++houseNumber)));
            }
        }
        return register;
    }

    /** For example 青山镇石桥村第3组17号, or 青山镇石桥社区第3网格17号 where there are no groups. */
    private static String address(GridNode numbering, int houseNumber) {
        GridNode village = numbering.parent;
        GridNode township = village.parent;
        String unit = numbering.level == GridLevel.GROUP ? "组" : "网格";
        return township.properName + township.kind + village.properName + village.kind
                + "第" + numbering.serial + unit + houseNumber + "号";
    }
}
