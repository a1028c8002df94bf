package org.gridcc.grid.demo;

import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * Places households the way villages are settled: a village has a few settlements of varying size, and
 * its households scatter round their centres (Gaussian, a few hundred metres), never outside the village.
 */
final class SettlementScatter {

    /**
     * About 10 cm: households keep this far from their village's edge, so that snapping the coverage to
     * the 1-cm grid can never move an edge past one of them.
     */
    private static final double EDGE_MARGIN = 1e-6;
    /** Misses in a row after which a household is drawn closer to its settlement, so that one in a narrow corner still lands. */
    private static final int MISSES_BEFORE_NARROWING = 20;

    private SettlementScatter() {
    }

    /** Gives a village 2 to 6 settlements, larger and wider spread in larger villages. */
    static void settle(GridNode village, Random random) {
        int count = 2 + random.nextInt(5);
        double typicalSpread = Math.max(80, Math.min(400, Math.sqrt(DemoGeometry.squareMetres(village.shape)) / 8));
        for (Coordinate centre : SeedPicker.spread(village.shape, count, random)) {
            double weight = StrictMath.exp(0.8 * random.nextGaussian());
            village.settlements.add(new GridNode.Settlement(centre, weight, typicalSpread * (0.6 + 0.6 * random.nextDouble())));
        }
    }

    /** Adds {@code count} households, on the grid, to the village's households. */
    static void scatter(GridNode village, int count, Random random) {
        IndexedPointInAreaLocator wellInside = new IndexedPointInAreaLocator(village.shape.buffer(-EDGE_MARGIN));
        List<GridNode.Settlement> settlements = village.settlements;
        double totalWeight = settlements.stream().mapToDouble(GridNode.Settlement::weight).sum();
        for (int i = 0; i < count; i++) {
            GridNode.Settlement settlement = pick(settlements, totalWeight, random);
            double spread = settlement.spreadMetres();
            for (int miss = 1; ; miss++) {
                Coordinate point = settlement.pointNear(spread, random);
                if (wellInside.locate(point) == Location.INTERIOR) {
                    village.households.add(point);
                    break;
                }
                if (miss % MISSES_BEFORE_NARROWING == 0) {
                    spread /= 2;
                }
            }
        }
    }

    static GridNode.Settlement pick(List<GridNode.Settlement> settlements, double totalWeight, Random random) {
        double target = random.nextDouble() * totalWeight;
        for (GridNode.Settlement settlement : settlements) {
            target -= settlement.weight();
            if (target < 0) {
                return settlement;
            }
        }
        return settlements.get(settlements.size() - 1);
    }
}
