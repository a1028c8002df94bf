package org.gridcc.stats;

import java.time.OffsetDateTime;

/** A periodic report: 一天一反馈 (daily), 一周一曝光 (weekly), 一月一专报 (monthly). */
public record Report(String kind, String title, String grid, OffsetDateTime from, OffsetDateTime to, Kpis kpis) {}
