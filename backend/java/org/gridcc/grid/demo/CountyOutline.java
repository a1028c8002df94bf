package org.gridcc.grid.demo;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;

/** A real county outline: its division code (GB/T 2260), name and shape (SRID 4326, lon/lat). */
public record CountyOutline(String code, String name, MultiPolygon geometry) {

    /**
     * The outline stretched about its centre to {@code areaFactor} times its area, so that a county
     * generated {@code areaFactor} times over keeps grids of a real county's size.
     */
    public CountyOutline enlarged(int areaFactor) {
        if (areaFactor == 1) return this;
        double side = Math.sqrt(areaFactor);
        Point centre = geometry.getCentroid();
        var stretch = AffineTransformation.scaleInstance(side, side, centre.getX(), centre.getY());
        return new CountyOutline(code, name, (MultiPolygon) stretch.transform(geometry));
    }
}
