package org.gridcc.grid;

/** A grid named by code, level and name: what a client needs to show and to ask further. */
public record GridRef(String code, GridLevel level, String name) {}
