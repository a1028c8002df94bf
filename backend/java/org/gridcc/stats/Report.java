package org.gridcc.stats;

import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.rounds.RoundCompletion;

/**
 * A periodic report: 一天一反馈 (daily), 一周一曝光 (weekly), 一月一专报 (monthly); with the screening rounds
 * due in the period (ended by the day before the report is asked for), done and missed per level.
 */
public record Report(String kind, String title, String grid, OffsetDateTime from, OffsetDateTime to, Kpis kpis,
                     List<RoundCompletion.LevelCount> rounds) {}
