package org.gridcc.boundary.read;

import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
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

    /**
     * Converts the features' geometries in place, the reader's compact copies (another copy of
     * every vertex would double what reading holds); they come back with SRID 4326.
     */
    List<SourceFeature> apply(List<SourceFeature> features) {
        for (SourceFeature feature : features) {
            if (feature.geometry() != null) apply(feature.geometry(), feature.index());
        }
        return features;
    }

    private void apply(Geometry geometry, int index) {
        if (!transform.isIdentity()) {
            geometry.apply((GeometryComponentFilter) part -> {
                // Polygons and collections are reached through their lines, rings and points.
                if (part instanceof LineString line) convert(line.getCoordinateSequence(), index);
                if (part instanceof Point point) convert(point.getCoordinateSequence(), index);
            });
            geometry.geometryChanged();
        }
        geometry.setSRID(4326);
    }

    private void convert(CoordinateSequence coordinates, int index) {
        double[] xy = CompactGeometry.xy(coordinates);
        try {
            transform.transform(xy, 0, xy, 0, coordinates.size());
        } catch (TransformException e) {
            throw BadFile.refuse("crs", "feature " + index + " has coordinates that cannot be converted to longitude/latitude ("
                    + e.getMessage() + "); check the CRS (crs=EPSG:…)");
        }
    }
}
