package org.gridcc.grid;

import java.util.List;

/** One grid with what a duty officer asks first: who heads it, what it holds. */
public record GridDetails(
        String code,
        GridLevel level,
        String levelName,
        String name,
        GridRef parent,
        String head,
        int workers,
        int gridVersion,
        Counts counts,
        /** [west, south, east, north] in degrees, to zoom the map to it. */
        List<Double> bbox) {

    /** openCases is null where the caller may not count them (an officer, of a grid beside its own). */
    public record Counts(long children, long households, Long openCases) {}
}
