package org.gridcc.boundary.read;

import java.util.List;
import java.util.Optional;

/**
 * What a format reader found, geometries still in the file's own coordinates.
 * crs: the CRS the file declares, if any; encoding: the DBF character set, null for other formats.
 */
record FileLayer(String format, List<String> fields, List<SourceFeature> features, Optional<DeclaredCrs> crs, String encoding, List<String> warnings) {

    /** A CRS as the file states it: an EPSG code, a URN or WKT, and where it was found (for messages). */
    record DeclaredCrs(String text, String origin) {}
}
