package org.gridcc.boundary;

import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridLevel;

/** What a draft replaces: the grids of {@code level} under {@code scope} ('' for the whole county) of {@code baseVersion}. */
public record DraftTarget(int draft, GridLevel level, String scope, int baseVersion) {

    /** The same draft at another level (the one its codes say, when the uploader left it to them). */
    DraftTarget at(GridLevel other) {
        return new DraftTarget(draft, other, scope, baseVersion);
    }

    /** Whether grids of {@code level} can be replaced within a scope grid of {@code scopeLevel}: a coarser, geographic grid. */
    static boolean scopeFits(GridLevel scopeLevel, GridLevel level) {
        return scopeLevel != GridLevel.SPECIAL && scopeLevel.ordinal() <= level.parent().orElseThrow().ordinal();
    }

    /** The refusal of a scope grid too fine for the level. */
    static ProblemException scopeTooFine(String scope, GridLevel scopeLevel, GridLevel level) {
        return new ProblemException(ProblemType.INVALID_INPUT, "The scope must be a grid above the level the file replaces.",
                List.of(new FieldError("scope", "%s is a %s grid; %s grids are replaced within a coarser grid"
                        .formatted(scope, scopeLevel.code(), level.code()))));
    }

    public GridLevel parentLevel() {
        return level.parent().orElseThrow();
    }

    /** The LIKE pattern of codes in scope. */
    public String scopePattern() {
        return scope + "%";
    }
}
