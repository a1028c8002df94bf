package org.gridcc.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.grid.GridLevel;

/**
 * The checks of a draft against its base version: every finding (errors block publishing,
 * warnings do not), what would change, the tolerances the findings were judged by, and the
 * level the codes' length says (levelFromCodes, absent when no code is of a level).
 */
public record DraftReport(int draft, int baseVersion, GridLevel level, String scope, int features, int grids,
                          boolean publishable, long errors, long warnings, List<DraftProblem> problems,
                          DraftChanges.Summary changes, Tolerances tolerances, LevelSuggestion levelFromCodes, OffsetDateTime checkedAt) {

    /** reshapeToleranceM: a grid is reshaped when its old and new outlines are further apart than this somewhere (metres). */
    public record Tolerances(double toleranceM2, double noiseM2, double sliverM2, double repairMaxChangePercent, double reshapeToleranceM) {}
}
