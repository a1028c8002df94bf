package org.gridcc.grid.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Picks the seed points of the Voronoi cells that split one area. Seeds keep a little apart from each
 * other and from the area's edge, so that every cell holds a disc of about 0.25 m round its seed and
 * cannot vanish when the coverage is snapped to the 1-cm grid.
 */
final class SeedPicker {

    /** About 0.5 m: the least distance between two seeds. */
    private static final double SPACING = 5e-6;
    /** About 0.25 m: the least distance from a seed to the area's edge. */
    private static final double EDGE_MARGIN = 2.5e-6;
    /** Candidates per seed in best-candidate sampling: enough for evenly spread seeds. */
    private static final int CANDIDATES = 10;

    private final Geometry area;
    private final Random random;
    private final IndexedPointInAreaLocator inside;
    private final IndexedFacetDistance edge;
    private final List<Coordinate> seeds = new ArrayList<>();

    private SeedPicker(Geometry area, Random random) {
        this.area = area;
        this.random = random;
        this.inside = new IndexedPointInAreaLocator(area);
        this.edge = new IndexedFacetDistance(area);
    }

    /** Evenly spread seeds (best-candidate sampling): for townships and villages, which share out land. */
    static List<Coordinate> spread(Geometry area, int count, Random random) {
        SeedPicker picker = new SeedPicker(area, random);
        while (picker.seeds.size() < count) {
            Coordinate best = null;
            double bestGap = -1;
            for (int i = 0; i < CANDIDATES; i++) {
                Coordinate candidate = picker.randomEligiblePoint();
                double gap = picker.gapToSeeds(candidate);
                if (gap > bestGap) {
                    best = candidate;
                    bestGap = gap;
                }
            }
            picker.seeds.add(best);
        }
        return picker.seeds;
    }

    /**
     * Seeds among the given points (households), so that small cells sit where people live; when too
     * few points qualify, random points make up the number.
     */
    static List<Coordinate> among(Geometry area, List<Coordinate> points, int count, Random random) {
        SeedPicker picker = new SeedPicker(area, random);
        List<Coordinate> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, random);
        for (Coordinate point : shuffled) {
            if (picker.seeds.size() == count) {
                break;
            }
            if (picker.isEligible(point)) {
                picker.seeds.add(point);
            }
        }
        while (picker.seeds.size() < count) {
            picker.seeds.add(picker.randomEligiblePoint());
        }
        return picker.seeds;
    }

    private Coordinate randomEligiblePoint() {
        Envelope box = area.getEnvelopeInternal();
        while (true) {
            Coordinate point = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (isEligible(point)) {
                return point;
            }
        }
    }

    private boolean isEligible(Coordinate point) {
        return inside.locate(point) == Location.INTERIOR && gapToSeeds(point) >= SPACING
                && !edge.isWithinDistance(DemoGeometry.FACTORY.createPoint(point), EDGE_MARGIN);
    }

    private double gapToSeeds(Coordinate point) {
        double gap = Double.POSITIVE_INFINITY;
        for (Coordinate seed : seeds) {
            gap = Math.min(gap, seed.distance(point));
        }
        return gap;
    }
}
