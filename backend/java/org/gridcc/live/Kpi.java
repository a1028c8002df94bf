package org.gridcc.live;

import java.util.Map;
import org.gridcc.stats.Kpis;

/**
 * The key figures of the subtree a client watches (the county, a chosen grid, or the caller's
 * scope): counted live from the grid states (today's received, open, warned, overdue, supervised,
 * and hot grids by level, so that a wall names the count of the level its map shows), and rates
 * for the cases received today from the reports (refreshed every minute; null until read), each
 * with the counts it is taken from.
 */
public record Kpi(int receivedToday, int open, int warned, int overdue, int supervised, Map<String, Integer> hotGrids,
                  Kpis.Rate timelyAcceptance, Kpis.Rate onTimeReply, Kpis.Rate satisfaction) {}
