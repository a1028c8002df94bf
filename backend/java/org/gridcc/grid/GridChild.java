package org.gridcc.grid;

/** A grid one level down, with its household count. */
public record GridChild(String code, GridLevel level, String name, String head, int workers, long households) {}
