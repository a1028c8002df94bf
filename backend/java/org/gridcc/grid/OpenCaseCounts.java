package org.gridcc.grid;

import io.smallrye.mutiny.Uni;
import org.gridcc.access.Caller;

/** How many cases are open in a grid's subtree as far as the caller may see them (null: not the caller's to count); the case record answers it. */
public interface OpenCaseCounts {

    Uni<Long> openIn(String gridCode, Caller caller);
}
