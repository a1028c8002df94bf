package org.gridcc.cases.open311;

import java.time.Duration;
import java.time.Instant;

/**
 * The parameters of GET servicerequestupdates: the span of the updates' times (at most 90 days, by
 * default the last 90 days), and which page of at most {@link #MAX_PAGE_SIZE} updates, the oldest first.
 */
record UpdateQuery(DateSpan span, int page, int pageSize) {

    static final Duration MAX_SPAN = Duration.ofDays(90);
    /** The most updates one answer holds: as many as GET requests gives requests. */
    static final int MAX_PAGE_SIZE = RequestQuery.MAX_REQUESTS;

    static UpdateQuery parse(String startDate, String endDate, String page, String pageSize, Instant now) {
        return new UpdateQuery(DateSpan.parse(startDate, endDate, now, MAX_SPAN),
                whole("page", page, 1, Integer.MAX_VALUE, 1), whole("page_size", pageSize, 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }

    private static int whole(String field, String text, int min, int max, int absent) {
        if (text == null || text.isBlank()) return absent;
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // told below, as for a number out of range
        }
        throw Open311Exception.badField(field, "\"%s\" is not a whole number from %d to %,d".formatted(text, min, max));
    }
}
