package org.gridcc.boundary.read;

import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Converts geometries to EPSG:4326 longitude/latitude in 2D, point by point, never repairing them.
 * Axis order is normalised on both sides to easting/longitude first: that is how files store
 * coordinates, even for CRSs that EPSG defines latitude first (4326, 4490).
 */
final class Reprojection {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final MathTransform transform;

    private Reprojection(MathTransform transform) {
        this.transform = transform;
    }

    /**
     * CGCS2000 to WGS 84 is taken without a datum shift, as is the norm for this data: the two
     * frames differ by centimetres and EPSG gives no parameters beyond that.
     */
    static Reprojection from(CrsResolver.Resolved source) {
        try {
            CoordinateReferenceSystem from = AbstractCRS.castOrCopy(source.crs()).forConvention(AxesConvention.RIGHT_HANDED);
            CoordinateReferenceSystem to = CommonCRS.WGS84.normalizedGeographic();
            return new Reprojection(CRS.findOperation(from, to, null).getMathTransform());
        } catch (FactoryException e) {
            throw BadFile.refuse("crs", "there is no known conversion from " + source.description() + " to WGS 84 longitude/latitude ("
                    + e.getMessage() + "); give crs=EPSG:… of a CRS based on CGCS2000 or WGS 84");
        }
    }

    List<SourceFeature> apply(List<SourceFeature> features) {
        return features.stream()
                .map(feature -> new SourceFeature(feature.index(), feature.attributes(), apply(feature)))
                .toList();
    }

    private Geometry apply(SourceFeature feature) {
        if (feature.geometry() == null) return null;
        try {
            return WGS84.createGeometry(new PointByPoint().transform(feature.geometry())); // with SRID 4326
        } catch (Unconvertible e) {
            throw BadFile.refuse("crs", "feature " + feature.index() + " has coordinates that cannot be converted to longitude/latitude ("
                    + e.getCause().getMessage() + "); check the CRS (crs=EPSG:…)");
        }
    }

    /** Copies the geometry with every coordinate converted; drops Z and M. */
    private final class PointByPoint extends GeometryTransformer {

        @Override
        protected CoordinateSequence transformCoordinates(CoordinateSequence coordinates, Geometry parent) {
            int size = coordinates.size();
            double[] points = new double[2 * size];
            for (int i = 0; i < size; i++) {
                points[2 * i] = coordinates.getX(i);
                points[2 * i + 1] = coordinates.getY(i);
            }
            try {
                transform.transform(points, 0, points, 0, size);
            } catch (TransformException e) {
                throw new Unconvertible(e);
            }
            CoordinateSequence converted = WGS84.getCoordinateSequenceFactory().create(size, 2);
            for (int i = 0; i < size; i++) {
                converted.setOrdinate(i, 0, points[2 * i]);
                converted.setOrdinate(i, 1, points[2 * i + 1]);
            }
            return converted;
        }
    }

    /** Carries a TransformException out of GeometryTransformer, whose methods cannot throw it. */
    private static final class Unconvertible extends RuntimeException {
        Unconvertible(TransformException cause) {
            super(cause);
        }
    }
}
