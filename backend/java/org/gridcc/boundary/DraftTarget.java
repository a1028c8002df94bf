package org.gridcc.boundary;

import org.gridcc.grid.GridLevel;

/** What a draft replaces: the grids of {@code level} under {@code scope} ('' for the whole county) of {@code baseVersion}. */
public record DraftTarget(int draft, GridLevel level, String scope, int baseVersion) {

    public GridLevel parentLevel() {
        return level.parent().orElseThrow();
    }

    /** The LIKE pattern of codes in scope. */
    public String scopePattern() {
        return scope + "%";
    }
}
