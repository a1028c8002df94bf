package org.gridcc.grid.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.gridcc.grid.NewGrid;

/**
 * What a demo county did before today (rounds, patrol reports, its risk register), written after its
 * grids and units by the packages that own those tables; deterministic by the seed for a given today.
 */
public interface DemoHistory {

    /** Writes it in the caller's transaction, in bulk; says what it wrote, for the log. */
    String write(Connection connection, List<NewGrid> grids, long seed, LocalDate today) throws SQLException;
}
