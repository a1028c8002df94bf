package org.gridcc.grid;

import org.locationtech.jts.geom.Point;

/** A household point to be written, with the finest grid that contains it. */
public record NewHousehold(String code, Point point, String gridCode, String address) {}
