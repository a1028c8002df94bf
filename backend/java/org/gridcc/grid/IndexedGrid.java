package org.gridcc.grid;

import org.locationtech.jts.geom.prep.PreparedGeometry;

/** A grid of the published version as the in-process index holds it. */
public record IndexedGrid(long id, String code, GridLevel level, String parentCode, String name, PreparedGeometry shape) {

    public GridRef ref() {
        return new GridRef(code, level, name);
    }
}
