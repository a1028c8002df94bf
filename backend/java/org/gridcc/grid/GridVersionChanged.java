package org.gridcc.grid;

/** Fired (asynchronously) when the grid index has loaded another published version: grids and their codes may have moved. */
public record GridVersionChanged(int version) {}
