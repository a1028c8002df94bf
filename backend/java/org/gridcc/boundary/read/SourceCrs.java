package org.gridcc.boundary.read;

import java.util.List;
import java.util.Optional;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.GeographicCRS;

/** Decides the CRS of the data: the caller's crs, else the file's own, else longitude/latitude if the numbers allow it. */
final class SourceCrs {

    private SourceCrs() {}

    /** extent: of the coordinates as stored in the file; warnings: receives what was assumed. */
    static CrsResolver.Resolved choose(Optional<String> given, Optional<FileLayer.DeclaredCrs> declared, Envelope extent,
                                       String fileName, List<String> warnings) {
        CrsResolver.Resolved crs;
        if (given.isPresent() && !given.get().isBlank()) {
            crs = CrsResolver.resolve(given.get(), "the crs parameter");
        } else if (declared.isPresent()) {
            crs = CrsResolver.resolve(declared.get().text(), declared.get().origin());
        } else if (extent.isNull() || isLonLat(extent)) {
            warnings.add(fileName + " does not say its CRS (no .prj, no crs given); the coordinates were taken as longitude/latitude (WGS 84)");
            return new CrsResolver.Resolved(CommonCRS.WGS84.normalizedGeographic(), "EPSG:4326 WGS 84 (assumed)");
        } else {
            throw BadFile.refuse("crs", fileName + " does not say its CRS (no .prj) and no crs was given; its coordinates look projected "
                    + "(x " + round(extent.getMinX()) + " to " + round(extent.getMaxX()) + ", y " + round(extent.getMinY()) + " to "
                    + round(extent.getMaxY()) + "); give crs=EPSG:… (e.g. EPSG:4544 for CGCS2000 3-degree Gauss-Kruger CM 105E)");
        }
        if (crs.crs() instanceof GeographicCRS && !extent.isNull() && !isLonLat(extent)) {
            throw BadFile.refuse("crs", fileName + " is said to be in " + crs.description() + " but its coordinates are not longitude/latitude (x "
                    + round(extent.getMinX()) + " to " + round(extent.getMaxX()) + ", y " + round(extent.getMinY()) + " to "
                    + round(extent.getMaxY()) + "); give crs=EPSG:… of the projected CRS the data is in");
        }
        GaussKrugerZone.check(crs, extent);
        return crs;
    }

    private static boolean isLonLat(Envelope extent) {
        return extent.getMinX() >= -180 && extent.getMaxX() <= 180 && extent.getMinY() >= -90 && extent.getMaxY() <= 90;
    }

    private static String round(double value) {
        return String.format("%,.0f", value);
    }
}
