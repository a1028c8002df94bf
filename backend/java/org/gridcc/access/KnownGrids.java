package org.gridcc.access;

/** Whether a grid code exists in the published version: a user's scope must name one. Implemented by the grid index. */
public interface KnownGrids {

    boolean exists(String gridCode);
}
