package org.gridcc.boundary.read;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read: 1-based position in the file, attributes as text (null values absent),
 * geometry in EPSG:4326 lon/lat, 2D; null when the record has none. Never repaired: an invalid
 * polygon comes through invalid (validation reports it later).
 */
public record SourceFeature(int index, Map<String, String> attributes, Geometry geometry) {}
