package org.gridcc.grid;

import org.locationtech.jts.geom.MultiPolygon;

/** A grid to be written into a version: from the demo generator or a boundary file. */
public record NewGrid(String code, GridLevel level, String parentCode, String name, MultiPolygon geometry, String head, int workers) {}
