package org.gridcc.boundary.read;

import java.util.List;

/**
 * A boundary file as read. format: "shapefile" | "geojson" | "geopackage"; crs: a human
 * description such as "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E" (the name of the CRS
 * as read when no EPSG code is found); encoding: the DBF character set used (null for other
 * formats); fields: attribute names in file order; warnings: human sentences.
 */
public record SourceFile(String format, String crs, String encoding, List<String> fields, List<SourceFeature> features, List<String> warnings) {}
