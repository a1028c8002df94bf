package org.gridcc.grid.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.gridcc.grid.NewGrid;

/** The people of a demo county (heads, grid workers, inspectors, mediators, leaders), written with its grids; the people package knows them. */
public interface DemoPeople {

    /** Writes them in the caller's transaction, the same seed giving the same people; how many. */
    int write(Connection connection, List<NewGrid> grids, long seed) throws SQLException;
}
