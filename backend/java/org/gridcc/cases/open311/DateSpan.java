package org.gridcc.cases.open311;

import java.time.Duration;
import java.time.Instant;

/**
 * start_date and end_date as the spec reads them: w3 datetimes, a span of at most so many days.
 * Given one end, the other is that far away (the end never later than now); given neither, the
 * span up to now.
 */
record DateSpan(Instant start, Instant end) {

    static DateSpan parse(String startDate, String endDate, Instant now, Duration max) {
        Instant start = startDate == null || startDate.isBlank() ? null : W3Time.parse("start_date", startDate);
        Instant end = endDate == null || endDate.isBlank() ? null : W3Time.parse("end_date", endDate);
        if (end == null) end = start == null ? now : min(start.plus(max), now);
        if (start == null) start = end.minus(max);
        if (start.isAfter(end)) throw Open311Exception.badField("start_date", "is after end_date (or after now, when end_date is not given)");
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw Open311Exception.badField("end_date", "the span from start_date may not exceed %d days".formatted(max.toDays()));
        }
        return new DateSpan(start, end);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
