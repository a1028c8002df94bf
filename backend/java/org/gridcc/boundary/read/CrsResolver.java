package org.gridcc.boundary.read;

import org.apache.sis.referencing.CRS;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.apache.sis.util.Deprecable;
import org.opengis.metadata.Identifier;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/** Turns an EPSG code, a URN or WKT (OGC WKT1 or ESRI's .prj dialect) into a CRS with a human description. */
final class CrsResolver {

    /** A CRS and how to name it to a person, e.g. "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E". */
    record Resolved(CoordinateReferenceSystem crs, String description) {}

    static {
        // The embedded EPSG database is Derby, which would otherwise write derby.log into the working directory.
        if (System.getProperty("derby.stream.error.field") == null && System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.method", "java.io.OutputStream.nullOutputStream");
        }
    }

    private CrsResolver() {}

    /** origin names where the text came from, for messages: "crs parameter", "grids.prj", … */
    static Resolved resolve(String text, String origin) {
        String given = text.strip();
        CoordinateReferenceSystem crs;
        try {
            crs = given.matches("[A-Za-z_]+\\s*\\[.*") ? CRS.fromWKT(given) : CRS.forCode(given.matches("\\d+") ? "EPSG:" + given : given);
        } catch (FactoryException | RuntimeException e) {
            throw BadFile.refuse("crs", "the CRS in " + origin + " (" + abbreviate(given) + ") cannot be used: " + e.getMessage()
                    + "; give crs=EPSG:… with the EPSG code of the data (e.g. EPSG:4544 for CGCS2000 3-degree Gauss-Kruger CM 105E)");
        }
        return new Resolved(crs, describe(crs));
    }

    private static String describe(CoordinateReferenceSystem crs) {
        try {
            // Axes ignored: .prj files say easting first where EPSG says northing first (4544, 4490).
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            Optional<IdentifiedObject> epsg = pick(finder.find(crs), crs.getName().getCode());
            if (epsg.isPresent()) {
                Identifier code = IdentifiedObjects.getIdentifier(epsg.get(), Citations.EPSG);
                if (code != null) return "EPSG:" + code.getCode() + " " + epsg.get().getName().getCode();
            }
        } catch (FactoryException e) {
            // No EPSG equivalent is fine: the CRS itself is usable, it is just named as read.
        }
        return crs.getName().getCode();
    }

    /**
     * Several EPSG CRSs can share the same numbers (4544 "3-degree CM 105E" and 4507 "6-degree CM
     * 105E" are both Transverse Mercator at 105E); then the one whose name matches ESRI's
     * spelling of it ("CGCS2000_3_Degree_GK_CM_105E") is meant.
     */
    private static Optional<IdentifiedObject> pick(Set<IdentifiedObject> found, String name) {
        // Deprecated twins are left out, e.g. 3785 beside 3857 for ESRI's "WGS_1984_Web_Mercator_Auxiliary_Sphere".
        List<IdentifiedObject> candidates = found.stream().filter(candidate -> !(candidate instanceof Deprecable d && d.isDeprecated())).toList();
        if (candidates.size() == 1) return Optional.of(candidates.get(0));
        return candidates.stream().filter(candidate -> comparable(candidate.getName().getCode()).equals(comparable(name))).findFirst();
    }

    private static String comparable(String name) {
        return name.toLowerCase(Locale.ROOT).replace("gauss-kruger", "gk").replace("gauss_kruger", "gk").replaceAll("[^a-z0-9]", "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }
}
