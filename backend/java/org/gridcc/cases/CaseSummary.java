package org.gridcc.cases;

import java.time.OffsetDateTime;
import java.util.List;

/** A case in a list: what a duty officer scans, without personal data. */
public record CaseSummary(
        String code,
        CaseStatus status,
        String category,
        Risk risk,
        String title,
        String grid,
        String unit,
        OffsetDateTime receivedAt,
        /** The earliest open deadline. */
        OffsetDateTime nextDue,
        boolean warned,
        boolean overdue,
        boolean supervised,
        /** Under the county 纪委's supervision (reminders went unheeded). */
        boolean discipline) {

    /** One page of the list. */
    public record Page(int page, int size, long total, List<CaseSummary> items) {}
}
