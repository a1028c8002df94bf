package org.gridcc.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.grid.GridLevel;

/**
 * The checks of a draft against its base version: every finding (errors block publishing,
 * warnings do not), what would change, and the tolerances the findings were judged by.
 */
public record DraftReport(int draft, int baseVersion, GridLevel level, String scope, int features, int grids,
                          boolean publishable, long errors, long warnings, List<DraftProblem> problems,
                          DraftChanges.Summary changes, Tolerances tolerances, OffsetDateTime checkedAt) {

    public record Tolerances(double toleranceM2, double noiseM2, double sliverM2, double repairMaxChangePercent) {}
}
