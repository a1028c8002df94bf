package org.gridcc.grid;

/**
 * Where a map writes a grid's name: the centre of the largest circle inside the grid (lon, lat)
 * and that circle's radius in Web Mercator metres (room), so that a map can tell at its zoom
 * whether the name fits (pixels = room / metres per pixel).
 */
public record GridLabel(String code, String name, double lon, double lat, double room) {}
