package org.gridcc.boundary.read;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Geometries as readers hand them on: x and y only, each line or ring one packed array of
 * doubles (16 bytes a vertex, where Coordinate objects take about 50). Reprojection converts
 * these arrays in place.
 */
final class CompactGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private CompactGeometry() {}

    /** x0, y0, x1, y1, … as a sequence (the array is kept, not copied). */
    static CoordinateSequence sequence(double[] xy) {
        return new PackedCoordinateSequence.Double(xy, 2, 0);
    }

    /** A compact copy of a geometry a library built; Z and M are dropped. */
    static Geometry of(Geometry geometry) {
        return new XyOnly().transform(geometry);
    }

    /** The packed x, y array of a line, ring or point of a compact geometry. */
    static double[] xy(CoordinateSequence sequence) {
        if (sequence instanceof PackedCoordinateSequence.Double packed && packed.getDimension() == 2) return packed.getRawCoordinates();
        throw new IllegalStateException("not a compact geometry: " + sequence.getClass().getName() + " of dimension " + sequence.getDimension());
    }

    private static final class XyOnly extends GeometryTransformer {

        @Override
        protected CoordinateSequence transformCoordinates(CoordinateSequence coordinates, Geometry parent) {
            double[] xy = new double[2 * coordinates.size()];
            for (int i = 0; i < coordinates.size(); i++) {
                xy[2 * i] = coordinates.getX(i);
                xy[2 * i + 1] = coordinates.getY(i);
            }
            return sequence(xy);
        }
    }
}
