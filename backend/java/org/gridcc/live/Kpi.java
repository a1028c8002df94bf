package org.gridcc.live;

/**
 * The key figures of the subtree a client watches (the county, a chosen grid, or the caller's
 * scope): counted live from the grid states (today's received, open, warned, overdue, supervised,
 * hot base grids), and rates for the cases received today from the reports (refreshed every
 * minute; null until something can be rated).
 */
public record Kpi(int receivedToday, int open, int warned, int overdue, int supervised, int hotGrids,
                  Double timelyAcceptanceRate, Double onTimeReplyRate, Double satisfactionRate) {}
