package org.gridcc.grid.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.gridcc.grid.NewGrid;

/** The bodies that handle a demo county's cases, written with its grids; the case package knows them. */
public interface DemoBodies {

    /** Writes them in the caller's transaction; how many. */
    int write(Connection connection, List<NewGrid> grids) throws SQLException;
}
