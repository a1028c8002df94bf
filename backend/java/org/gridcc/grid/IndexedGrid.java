package org.gridcc.grid;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/** A grid of a version as the in-process index holds it, with the test of a point against its polygons. */
public record IndexedGrid(long id, String code, GridLevel level, String parentCode, String name, PointOnGeometryLocator area) {

    /**
     * From this many points a polygon gets an index of its edges (built on its first test, then kept);
     * below it the edges are scanned. A base grid has 7 on average: an index for each would hold about
     * 2 KB per grid for nothing, about 100 MB at four times the demo county once every grid was tested.
     */
    static final int INDEXED_FROM_POINTS = 64;

    public static IndexedGrid of(long id, String code, GridLevel level, String parentCode, String name, Geometry shape) {
        PointOnGeometryLocator area = shape.getNumPoints() >= INDEXED_FROM_POINTS
                ? new IndexedPointInAreaLocator(shape) : new SimplePointInAreaLocator(shape);
        return new IndexedGrid(id, code, level, parentCode, name, area);
    }

    /** Whether the point is inside or on the edge of the grid. */
    public boolean covers(Coordinate point) {
        return area.locate(point) != Location.EXTERIOR;
    }

    public GridRef ref() {
        return new GridRef(code, level, name);
    }
}
