package org.gridcc.grid.demo;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds which of a set of cells holds a point, by point-in-polygon: the cell that has it inside, or
 * else the first cell (lowest index) that has it on its boundary, so that a point on a shared edge
 * goes to exactly one cell, always the same.
 */
final class CellLocator {

    private final List<? extends Geometry> cells;
    private final IndexedPointInAreaLocator[] locators;
    private final STRtree index = new STRtree();

    CellLocator(List<? extends Geometry> cells) {
        this.cells = cells;
        this.locators = new IndexedPointInAreaLocator[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            index.insert(cells.get(i).getEnvelopeInternal(), i);
        }
        index.build();
    }

    /** The index of the cell holding the point, or -1 when no cell touches it. */
    int locate(Coordinate point) {
        int onBoundary = -1;
        int inside = -1;
        for (Object item : index.query(new Envelope(point))) {
            int cell = (Integer) item;
            int location = locator(cell).locate(point);
            if (location == Location.INTERIOR && (inside < 0 || cell < inside)) {
                inside = cell;
            } else if (location == Location.BOUNDARY && (onBoundary < 0 || cell < onBoundary)) {
                onBoundary = cell;
            }
        }
        return inside >= 0 ? inside : onBoundary;
    }

    /** Like {@link #locate} but falls back on the nearest cell within {@code reach} (degrees). */
    int locateOrNearest(Coordinate point, double reach) {
        int found = locate(point);
        if (found >= 0) {
            return found;
        }
        Envelope around = new Envelope(point);
        around.expandBy(reach);
        double best = Double.POSITIVE_INFINITY;
        var where = DemoGeometry.FACTORY.createPoint(point);
        for (Object item : index.query(around)) {
            int cell = (Integer) item;
            double distance = cells.get(cell).distance(where);
            if (distance <= reach && (distance < best || (distance == best && cell < found))) {
                best = distance;
                found = cell;
            }
        }
        return found;
    }

    private IndexedPointInAreaLocator locator(int cell) {
        if (locators[cell] == null) {
            locators[cell] = new IndexedPointInAreaLocator(cells.get(cell));
        }
        return locators[cell];
    }
}
