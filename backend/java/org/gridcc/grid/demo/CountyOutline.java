package org.gridcc.grid.demo;

import org.locationtech.jts.geom.MultiPolygon;

/** A real county outline: its division code (GB/T 2260), name and shape (SRID 4326, lon/lat). */
public record CountyOutline(String code, String name, MultiPolygon geometry) {
}
