package org.gridcc.grid.demo;

import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;

/** The coordinate system, precision and unit conversions every part of the generator shares. */
final class DemoGeometry {

    static final int SRID = 4326;

    /**
     * The grid every output coordinate lies on: 1e-7 degree, about 1 cm. Snapping all boundaries to
     * one grid together is what makes neighbouring polygons share their edges vertex for vertex.
     */
    static final PrecisionModel GRID = new PrecisionModel(1e7);

    /** Floating precision for the intermediate work; only {@link #GRID} snapping fixes coordinates. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private static final double METRES_PER_DEGREE = 111_320;

    /** Codes number children west to east, north to south, as the urban grid standard does. */
    static final Comparator<Coordinate> NORTH_FIRST_THEN_WEST =
            Comparator.comparingDouble((Coordinate c) -> -c.y).thenComparingDouble(c -> c.x);

    private DemoGeometry() {
    }

    /** The polygonal parts of an overlay result (which may be a collection with lines or points). */
    static MultiPolygon multiPolygon(Geometry geometry) {
        @SuppressWarnings("unchecked")
        List<Polygon> parts = PolygonExtracter.getPolygons(geometry);
        return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /**
     * The same shape always written the same way: parts and rings in JTS normal order, exterior rings
     * counter-clockwise as GeoJSON wants. The polygonizer's planar graph iterates identity hash sets,
     * so without this a ring could start at another vertex from one run to the next.
     */
    static MultiPolygon canonical(Geometry geometry) {
        return (MultiPolygon) multiPolygon(geometry).norm().reverse();
    }

    static double degreesNorth(double metres) {
        return metres / METRES_PER_DEGREE;
    }

    static double degreesEast(double metres, double latitude) {
        return metres / (METRES_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(latitude)));
    }

    static double squareMetres(Geometry geometry) {
        double latitude = geometry.getEnvelopeInternal().centre().y;
        return geometry.getArea() / degreesNorth(1) / degreesEast(1, latitude);
    }

    static Coordinate onGrid(double x, double y) {
        return new Coordinate(GRID.makePrecise(x), GRID.makePrecise(y));
    }
}
