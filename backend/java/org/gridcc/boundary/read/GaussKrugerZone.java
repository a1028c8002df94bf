package org.gridcc.boundary.read;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.opengis.parameter.ParameterValueGroup;
import org.opengis.referencing.crs.ProjectedCRS;

/**
 * Catches the commonest CRS mistake in Chinese boundary data: eastings with the zone number in
 * front (35 512 345.6) declared in a CRS without it (false easting 500 000), or the reverse.
 * Either way every polygon would land hundreds of kilometres or whole continents away.
 */
final class GaussKrugerZone {

    private static final double ZONE_UNIT = 1_000_000;

    private GaussKrugerZone() {}

    static void check(CrsResolver.Resolved resolved, Envelope extent) {
        if (extent.isNull() || !(resolved.crs() instanceof ProjectedCRS projected)) return;
        ParameterValueGroup parameters = projected.getConversionFromBase().getParameterValues();
        if (!projected.getConversionFromBase().getMethod().getName().getCode().contains("Transverse Mercator")
                || parameter(parameters, "Scale factor at natural origin").orElse(0.0) != 1.0) {
            return; // UTM and other projections never carry zone numbers in eastings
        }
        double falseEasting = parameter(parameters, "False easting").orElse(0.0);
        int crsZone = (int) Math.floor(falseEasting / ZONE_UNIT);
        int dataZone = (int) Math.floor(extent.getMinX() / ZONE_UNIT);
        boolean sameZoneThroughout = dataZone == (int) Math.floor(extent.getMaxX() / ZONE_UNIT);
        String eastings = String.format("%,.0f to %,.0f", extent.getMinX(), extent.getMaxX());
        if (crsZone == 0 && sameZoneThroughout && plausibleZone(dataZone)) {
            throw BadFile.refuse("crs", "the CRS " + resolved.description() + " has no zone number in its false easting ("
                    + String.format("%,.0f", falseEasting) + "), but the eastings in the file (" + eastings + ") start with zone "
                    + dataZone + "; give crs=" + zoned(dataZone));
        }
        if (crsZone > 0 && extent.getMaxX() < ZONE_UNIT) {
            throw BadFile.refuse("crs", "the CRS " + resolved.description() + " puts zone " + crsZone + " in front of eastings (false easting "
                    + String.format("%,.0f", falseEasting) + "), but the eastings in the file (" + eastings + ") have no zone number; give crs="
                    + unzoned(crsZone));
        }
    }

    private static boolean plausibleZone(int zone) {
        return zone >= 13 && zone <= 23 || zone >= 25 && zone <= 45;
    }

    /** The CGCS2000 CRS with the zone number in the easting: 6-degree zones 13-23, 3-degree zones 25-45. */
    private static String zoned(int zone) {
        return zone <= 23
                ? "EPSG:" + (4491 + zone - 13) + " (CGCS2000 / Gauss-Kruger zone " + zone + ", 6-degree) or the same zone in the datum the data uses"
                : "EPSG:" + (4513 + zone - 25) + " (CGCS2000 / 3-degree Gauss-Kruger zone " + zone + ") or the same zone in the datum the data uses";
    }

    /** The CGCS2000 CRS for the same central meridian without the zone number. */
    private static String unzoned(int zone) {
        if (zone >= 13 && zone <= 23) {
            return "EPSG:" + (4502 + zone - 13) + " (CGCS2000 / Gauss-Kruger CM " + (6 * zone - 3) + "E) or the same in the datum the data uses";
        }
        if (zone >= 25 && zone <= 45) {
            return "EPSG:" + (4534 + zone - 25) + " (CGCS2000 / 3-degree Gauss-Kruger CM " + (3 * zone) + "E) or the same in the datum the data uses";
        }
        return "EPSG:… of the same projection without the zone number";
    }

    private static Optional<Double> parameter(ParameterValueGroup parameters, String name) {
        try {
            return Optional.of(parameters.parameter(name).doubleValue());
        } catch (RuntimeException e) {
            return Optional.empty(); // parameter absent from this method
        }
    }
}
